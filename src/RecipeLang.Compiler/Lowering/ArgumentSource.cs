using RecipeLang.Binding;
using RecipeLang.Chemistry;
using RecipeLang.Runtime;

namespace RecipeLang.Compiler.Lowering;

/// <summary>Where a verb argument's value comes from: a step parameter, the batch, the site profile or a default.</summary>
public abstract record ArgumentSource
{
    public abstract VerbArgument Resolve(LoweringContext context);

    /// <summary>A quantity parameter converted to the runtime unit; the operation's default time when absent.</summary>
    public sealed record Parameter(string Name, ArgumentKind Kind, double? Default = null) : ArgumentSource
    {
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
            if (Kind == ArgumentKind.Duration && Default is null && LoweringDefaults.HoldHours.TryGetValue(context.Step.Name, out var hours))
            {
                context.Assume($"{Name} not given: {hours:0.##} h (usual for {context.Step.Name})");
                return new VerbArgument(Kind, hours * 3600);
            }
            var value = Default ?? throw new LoweringException($"{context.Step.Describe()} has no {Name} and the lowering has no default for it.");
            context.Assume($"{Name} not given: {new VerbArgument(Kind, value)}");
            return new VerbArgument(Kind, value);
        }
    }

    /// <summary>The reagent, reagent list, mixture or catalogue name of a parameter, as the recipe names it.</summary>
    public sealed record Named(string Name, string? Default = null) : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context) => VerbArgument.OfText(context.Step.Arguments.GetValueOrDefault(Name) switch
        {
            ReagentValue reagent => reagent.Name,
            MixtureValue mixture => string.Join(mixture.Components.Length > 1 && context.Step.Operation.FindParameter(Name)?.Kind == Catalog.ParameterKind.Reagents ? " + " : "-", mixture.Components.Select(c => c.Name)),
            NamedValue named => named.Text,
            DopantsValue dopants => string.Join(" + ", dopants.Dopants.Select(d => d.Element)),
            null when Default is not null => Default,
            null => throw new LoweringException($"{context.Step.Describe()} has no {Name}."),
            _ => throw new LoweringException($"{context.Step.Describe()}: {Name} must be a name here."),
        });
    }

    public sealed record Atmosphere(string Default) : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context)
        {
            if (context.Step.Atmosphere is { } atmosphere)
            {
                return VerbArgument.OfGas(atmosphere.Name);
            }
            context.Assume($"atmosphere not given: {Default}");
            return VerbArgument.OfGas(Default);
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

    public sealed record Count(string Name, int Default) : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context) =>
            new(ArgumentKind.Count, context.Step.Value<CountValue>(Name)?.Count ?? Default);
    }

    public sealed record Constant(VerbArgument Value) : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context) => Value;
    }

    public sealed record Target(Vessel Vessel) : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context) => VerbArgument.OfVessel(Vessel);
    }

    public sealed record MaterialName : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context) => VerbArgument.OfText(context.Material);
    }

    public sealed record BatchMass : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context) => new(ArgumentKind.Mass, context.BatchGrams);
    }

    /// <summary>
    /// The <c>volume</c> parameter, or the batch over the solids loading (site profile, else the lowering default).
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
                    : (LoweringDefaults.SolidLiquidGPerL, "lowering default");
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

    /// <summary>A charge as heavy as the batch (a molten salt mixed 1:1 by mass with the cathode powder).</summary>
    public sealed record BatchMassOf(string Name) : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context)
        {
            context.Assume($"{Name}: as much as the batch by mass, {context.BatchGrams:0.###} g (lowering default)");
            return new VerbArgument(ArgumentKind.Mass, context.BatchGrams);
        }
    }

    public sealed record WashVolume : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context) =>
            new(ArgumentKind.Volume, context.BatchGrams * LoweringDefaults.WashVolumePerGramMl);
    }

    /// <summary>A specific current (mA/g) times the batch.</summary>
    public sealed record CellCurrent(string Name) : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context)
        {
            if (context.Step.Quantity(Name) is { } specific && specific.TryConvertTo("mA/g", out var perGram))
            {
                return new VerbArgument(ArgumentKind.Current, perGram.Value * context.BatchGrams);
            }
            throw new LoweringException($"{context.Step.Describe()} has no {Name} in mA/g.");
        }
    }

    /// <summary>A mass fraction of the batch (<c>coat Li3PO4 1wt%</c>).</summary>
    public sealed record FractionOfBatch(string Name, double DefaultPercent) : ArgumentSource
    {
        public override VerbArgument Resolve(LoweringContext context)
        {
            var percent = context.Step.Quantity(Name) is { } q && q.TryConvertTo("wt%", out var wt) ? wt.Value : DefaultPercent;
            if (context.Step.Quantity(Name) is null)
            {
                context.Assume($"{Name} not given: {DefaultPercent:0.##} wt%");
            }
            return new VerbArgument(ArgumentKind.Mass, context.BatchGrams * percent / 100);
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
    /// A solid lithium source for a solid-state mix: the recipe's <c>amount</c>, or enough reagent to bring
    /// the batch to Li/TM 1 plus the <c>excess</c>.
    /// </summary>
    public sealed record LithiumSourceMass(string Reagent) : ArgumentSource
    {
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
            var excess = context.Step.Quantity("excess") is { } e && e.TryConvertTo("%", out var pct) ? pct.Value : 0;
            var mass = context.MaterialMoles * (1 + excess / 100) / lithiumPerUnit * formula.MolarMass;
            context.Assume($"{formula.Text}: Li/TM 1 for {context.MaterialMoles:0.####} mol {context.Material} plus {excess:0.##} % excess = {mass:0.###} g");
            return new VerbArgument(ArgumentKind.Mass, mass);
        }
    }
}
