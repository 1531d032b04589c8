using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Chemistry;
using RecipeLang.Runtime;

namespace RecipeLang.Compiler.Lowering;

/// <summary>Where a verb argument's value comes from: a step parameter, the batch, the site profile or a default.</summary>
public abstract record ArgumentSource
{
    public abstract VerbArgument Resolve(LoweringContext context);

    /// <summary>The operation defaults (<see cref="Catalog.OperationInfo.Defaults"/>) this source may read.</summary>
    public virtual IEnumerable<string> DefaultNames => [];

    /// <summary>Whether this source may read the operation's default atmosphere.</summary>
    public virtual bool ReadsDefaultAtmosphere => false;

    /// <summary>A quantity parameter converted to the runtime unit; the operation's catalogued default when absent.</summary>
    public sealed record Parameter(string Name, ArgumentKind Kind) : ArgumentSource
    {
        public override IEnumerable<string> DefaultNames => [Name];

        public override VerbArgument Resolve(LoweringContext context)
        {
            var unit = Kind switch
            {
                ArgumentKind.Temperature => "C",
                ArgumentKind.TemperatureRate => "C/min",
                ArgumentKind.Duration => "s",
                ArgumentKind.Concentration => "M",
                ArgumentKind.Volume => "mL",
                ArgumentKind.Mass => "g",
                ArgumentKind.Potential => "V",
                ArgumentKind.StirSpeed => "rpm",
                _ => throw new InvalidOperationException($"Parameter {Name} cannot be a {Kind}."),
            };
            if (context.Step.Quantity(Name) is { } quantity && quantity.TryConvertTo(unit, out var converted))
            {
                return new VerbArgument(Kind, converted.Value);
            }
            var fallback = context.Default(Name);
            if (fallback.ToQuantity() is not { } value || !value.TryConvertTo(unit, out var inUnit))
            {
                throw new InvalidOperationException($"The catalog default {Name} of {context.Step.Name} is in {fallback.Unit}, not a {Kind}.");
            }
            context.Assume($"{Name} not given: {fallback.Format()} ({fallback.Source})");
            return new VerbArgument(Kind, inUnit.Value);
        }
    }

    /// <summary>
    /// The reagent, reagent list, mixture or catalogue name of a parameter, as the recipe names it; for an
    /// optional reagent the step leaves out, the operation's catalogued default reagent.
    /// </summary>
    public sealed record Named(string Name) : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context) => VerbArgument.OfText(context.Step.Arguments.GetValueOrDefault(Name) switch
        {
            ReagentValue reagent => reagent.Name,
            MixtureValue mixture => string.Join(mixture.Components.Length > 1 && context.Step.Operation.FindParameter(Name)?.Kind == Catalog.ParameterKind.Reagents ? " + " : "-", mixture.Components.Select(c => c.Name)),
            NamedValue named => named.Text,
            DopantsValue dopants => string.Join(" + ", dopants.Dopants.Select(d => d.Element)),
            null when context.Step.Operation.FindDefaultReagent(Name) is { } fallback => Assumed(context, fallback),
            null => throw new LoweringException($"{context.Step.Describe()} has no {Name}."),
            _ => throw new LoweringException($"{context.Step.Describe()}: {Name} must be a name here."),
        });

        private string Assumed(LoweringContext context, DefaultReagent fallback)
        {
            context.Assume($"{Name} not given: {fallback.Name} ({fallback.Source})");
            return fallback.Name;
        }
    }

    /// <summary>The step's atmosphere, else the operation's catalogued default gas.</summary>
    public sealed record Atmosphere : ArgumentSource
    {
        public override bool ReadsDefaultAtmosphere => true;

        public override VerbArgument Resolve(LoweringContext context)
        {
            if (context.Step.Atmosphere is { } atmosphere)
            {
                return VerbArgument.OfGas(atmosphere.Name);
            }
            var fallback = context.Step.Operation.DefaultAtmosphere
                ?? throw new LoweringException($"{context.Step.Describe()} has no atmosphere and the catalog gives {context.Step.Name} no default gas.");
            context.Assume($"atmosphere not given: {fallback.Name} ({fallback.Source})");
            return VerbArgument.OfGas(fallback.Name);
        }
    }

    public sealed record Flag(string Name) : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context) => VerbArgument.OfFlag(context.Step.Has(Name));
    }

    /// <summary>True when the step's atmosphere is the vacuum (drying).</summary>
    public sealed record IsVacuum : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context) => VerbArgument.OfFlag(context.Step.Atmosphere?.Name == "vacuum");
    }

    /// <summary>A count parameter (<c>x3</c>), else the operation's catalogued default.</summary>
    public sealed record Count(string Name) : ArgumentSource
    {
        public override IEnumerable<string> DefaultNames => [Name];

        public override VerbArgument Resolve(LoweringContext context)
        {
            if (context.Step.Value<CountValue>(Name) is { } count)
            {
                return new VerbArgument(ArgumentKind.Count, count.Count);
            }
            var fallback = context.Default(Name);
            context.Assume($"{Name} not given: {fallback.Format()} ({fallback.Source})");
            return new VerbArgument(ArgumentKind.Count, fallback.Value);
        }
    }

    public sealed record Constant(VerbArgument Value) : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context) => Value;
    }

    /// <summary>
    /// An equipment value: the site profile's (<c>recipelang.json</c> <c>equipment</c>), else the compiler's
    /// engineering default; recorded as an assumption under <paramref name="What"/> with which it was.
    /// </summary>
    public sealed record EquipmentSetting(string What, ArgumentKind Kind, Func<EquipmentProfile, double?> Site, double Default) : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context)
        {
            var (value, from) = Site(context.Profile) is { } site ? (site, "site profile") : (Default, LoweringDefaults.Source);
            var argument = new VerbArgument(Kind, value);
            context.Assume($"{What}: {argument} ({from})");
            return argument;
        }
    }

    /// <summary>
    /// The <c>volume</c> parameter, or the batch over the solids loading (site profile, else the engineering default).
    /// In an autoclave it also sizes the liner: the recipe's <c>fill</c>, else the site's fill window.
    /// </summary>
    public sealed record SolutionVolume(bool InAutoclave = false) : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context)
        {
            double millilitres;
            if (context.Step.Quantity("volume") is { } volume && volume.TryConvertTo("mL", out var ml))
            {
                millilitres = ml.Value;
            }
            else
            {
                var (ratio, from) = context.Profile.SolidLiquidRatioGPerL is { } site
                    ? (site, "site profile")
                    : (LoweringDefaults.SolidLiquidGPerL, LoweringDefaults.Source);
                millilitres = context.BatchGrams / ratio * 1000;
                context.Assume($"solution volume: {context.BatchGrams:0.###} g at {ratio:0.###} g/L solids ({from}) = {millilitres / 1000:0.####} L");
            }
            if (InAutoclave)
            {
                var window = context.Profile.AutoclaveFillRatio;
                if (context.Step.Quantity("fill") is { } fill && fill.TryConvertTo("%", out var percent) && percent.Value > 0)
                {
                    context.Assume($"autoclave liner: {millilitres / 1000:0.###} L at {percent.Value:0.#} % fill (recipe) needs {millilitres / percent.Value / 10:0.###} L");
                }
                else
                {
                    context.Assume($"autoclave liner: {millilitres / 1000:0.###} L at {window.Min:0.#}–{window.Max:0.#} % fill (site profile) needs {millilitres / window.Max / 10:0.###}–{millilitres / window.Min / 10:0.###} L");
                }
            }
            return new VerbArgument(ArgumentKind.Volume, millilitres);
        }
    }

    /// <summary>Wash liquid per wash, in proportion to the batch.</summary>
    public sealed record WashVolume : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context)
        {
            var (perGram, from) = context.Profile.WashMlPerGram is { } site ? (site, "site profile") : (LoweringDefaults.WashVolumePerGramMl, LoweringDefaults.Source);
            var millilitres = context.BatchGrams * perGram;
            context.Assume($"wash volume: {perGram:0.##} mL per g of batch = {millilitres:0.###} mL ({from})");
            return new VerbArgument(ArgumentKind.Volume, millilitres);
        }
    }

    /// <summary>
    /// A specific current (mA/g) or a C-rate times the batch, cathodic: relithiation inserts lithium, which reduces the
    /// cathode, and the runtime counts a cathodic current negative. The recipe writes the magnitude (<c>10mA/g</c>; the checker
    /// refuses a negative one).
    /// </summary>
    public sealed record CellCurrent(string Name) : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context)
        {
            if (context.Step.Quantity(Name) is { } specific && specific.TryConvertTo("mA/g", out var perGram))
            {
                return new VerbArgument(ArgumentKind.Current, -perGram.Value * context.BatchGrams);
            }
            // A C-rate: 1C passes the material's theoretical capacity in an hour.
            if (context.Step.Quantity("c_rate") is { } rate && rate.TryConvertTo("C", out var c) && context.Capacity is { } capacity)
            {
                context.Assume($"{c.Value:0.###}C taken as {c.Value * capacity:0.#} mA/g: 1C is the theoretical capacity of {context.Material}, {capacity:0.#} mAh/g (F / (3.6 M), one Li per formula unit)");
                return new VerbArgument(ArgumentKind.Current, -c.Value * capacity * context.BatchGrams);
            }
            throw new LoweringException($"{context.Step.Describe()} has no {Name} in mA/g and no C-rate of a catalogued material.");
        }
    }

    /// <summary>
    /// A mass fraction of the batch: the step's quantity in wt% (<c>coat Li3PO4 1wt%</c>), else the operation's
    /// catalogued default (the salt of a molten-salt step).
    /// </summary>
    public sealed record FractionOfBatch(string Name) : ArgumentSource
    {
        public override IEnumerable<string> DefaultNames => [Name];

        public override VerbArgument Resolve(LoweringContext context)
        {
            double percent;
            if (context.Step.Quantity(Name) is { } given && given.TryConvertTo("wt%", out var wt))
            {
                percent = wt.Value;
            }
            else
            {
                var fallback = context.Default(Name);
                percent = fallback.ToQuantity() is { } q && q.TryConvertTo("wt%", out var inPercent)
                    ? inPercent.Value
                    : throw new InvalidOperationException($"The catalog default {Name} of {context.Step.Name} is not a mass fraction.");
                context.Assume($"{Name} not given: {fallback.Format()} of the batch = {context.BatchGrams * percent / 100:0.###} g ({fallback.Source})");
            }
            return new VerbArgument(ArgumentKind.Mass, context.BatchGrams * percent / 100);
        }
    }

    /// <summary>
    /// The conductive additive or binder of a re-made electrode: the recipe's <c>ratio active:conductive:binder</c>
    /// (wt%), else the catalogued default shares, as a mass per batch of active material.
    /// </summary>
    public sealed record ElectrodeShare(string Component) : ArgumentSource
    {
        private static readonly string[] Components = ["active", "conductive", "binder"];

        public override IEnumerable<string> DefaultNames => Components;

        public override VerbArgument Resolve(LoweringContext context)
        {
            var index = Array.IndexOf(Components, Component);
            double[] shares;
            if (context.Step.Value<RatioValue>("ratio") is { Parts.Length: 3 } ratio)
            {
                shares = [.. ratio.Parts];
            }
            else
            {
                var defaults = Components.Select(context.Default).ToArray();
                shares = [.. defaults.Select(d => d.Value)];
                context.Assume($"ratio not given: active:conductive:binder {string.Join(":", shares)} wt% ({defaults[index].Source})");
            }
            return new VerbArgument(ArgumentKind.Mass, context.BatchGrams * shares[index] / shares[0]);
        }
    }

    /// <summary>
    /// Dopant mass: mol% of the material's formula units in the batch times each element's atomic weight
    /// (the element itself; a site that charges a salt converts at its controller).
    /// </summary>
    public sealed record DopantMass(string Name) : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context)
        {
            var moles = context.MaterialMoles;
            var grams = context.Step.Value<DopantsValue>(Name)?.Dopants.Sum(d =>
                d.Amount is { } amount && amount.Quantity.TryConvertTo("mol%", out var percent) && Elements.TryGet(d.Element, out var element)
                    ? moles * percent.Value / 100 * element.AtomicWeight
                    : 0) ?? 0;
            return new VerbArgument(ArgumentKind.Mass, grams);
        }
    }

    /// <summary>
    /// A solid lithium source for a solid-state mix: the recipe's <c>amount</c>, or the lithium the batch lacks
    /// (1 − its measured Li/TM per formula unit, from <c>defects lithium_loss(li_tm = …)</c>, else the catalogued
    /// default) plus the <c>excess</c> over that deficiency.
    /// </summary>
    public sealed record LithiumSourceMass(string Reagent) : ArgumentSource
    {
        public override IEnumerable<string> DefaultNames => ["li_tm"];

        public override VerbArgument Resolve(LoweringContext context)
        {
            if (context.Step.Quantity("amount") is { } amount && amount.TryConvertTo("g", out var grams))
            {
                return new VerbArgument(ArgumentKind.Mass, grams.Value);
            }
            var reagent = context.Step.Value<ReagentValue>(Reagent);
            var formula = reagent?.Formula ?? (reagent?.Reagent is { } info && Formula.TryParse(info.Formula, out var parsed, out _) ? parsed : null);
            var lithiumPerUnit = formula?.Elements.GetValueOrDefault("Li") ?? 0;
            if (formula is null || lithiumPerUnit == 0)
            {
                throw new LoweringException($"{context.Step.Describe()}: cannot size a lithium source without a lithium formula.");
            }
            string measured;
            if (context.MeasuredLithiumToMetal is { } declared)
            {
                measured = $"Li/TM {declared:0.###} (declared lithium_loss)";
            }
            else
            {
                var fallback = context.Default("li_tm");
                declared = fallback.Value;
                measured = $"Li/TM {declared:0.###} assumed, no measured lithium_loss(li_tm) declared ({fallback.Source})";
            }
            var deficiency = Math.Max(0, 1 - declared);
            // The checker requires an amount or an excess (their requiredGroup), so no excess is ever assumed.
            var excess = context.Step.Quantity("excess") is { } e && e.TryConvertTo("%", out var pct)
                ? pct.Value
                : throw new LoweringException($"{context.Step.Describe()} has neither an amount nor an excess for its lithium source.");
            var mass = context.MaterialMoles * deficiency * (1 + excess / 100) / lithiumPerUnit * formula.MolarMass;
            context.Assume($"{formula.Text}: {measured}; the deficiency of {deficiency:0.###} Li per formula unit for {context.MaterialMoles:0.####} mol {context.Material} plus {excess:0.##} % excess = {mass:0.###} g");
            return new VerbArgument(ArgumentKind.Mass, mass);
        }
    }
}
