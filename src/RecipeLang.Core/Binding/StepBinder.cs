using System.Collections.Immutable;
using RecipeLang.Catalog;
using RecipeLang.Chemistry;
using RecipeLang.Diagnostics;
using RecipeLang.Syntax;
using RecipeLang.Text;
using RecipeLang.Units;

namespace RecipeLang.Binding;

/// <summary>
/// Binds one step's flat argument list to its operation's signature from the catalog. Keyword parameters are
/// recognised by name (<c>ramp 5C/min</c>), flags by their bare name (<c>ultrasonic</c>); every other argument
/// goes to the first free positional parameter that accepts it — quantities by dimension, names by what the
/// catalog says they are (an atmosphere, a reagent or formula, a coating, a dopant, ...).
/// </summary>
/// <param name="material">The recipe's material, for conversions that depend on it (a dopant amount in wt%).</param>
/// <param name="usedConstant">Told the name of each <c>let</c> constant and recipe parameter the steps read, if anyone.</param>
/// <remarks>One binder serves every step of a recipe body: <see cref="Bind"/> starts afresh each time.</remarks>
internal sealed class StepBinder(RecipeCatalog catalog, SourceText source, IReadOnlyDictionary<string, BoundValue> constants, Action<Diagnostic> report, MaterialInfo? material, Action<string>? usedConstant)
{
    private readonly ArgumentMap<BoundValue>.Builder _arguments = new();
    private OperationInfo _operation = null!;
    private StepSyntax _step = null!;
    private bool _reportedMismatch;

    /// <summary>An argument could not be bound; a missing-parameter error would then mostly repeat the same mistake.</summary>
    private bool _unboundArgument;

    public (OperationInfo Operation, ArgumentMap<BoundValue> Arguments)? Bind(StepSyntax step)
    {
        var operation = catalog.FindOperation(step.Operation.Text);
        if (operation is null)
        {
            report(Descriptors.UnknownOperation.Create(source, step.Operation.Span, step.Operation.Text,
                Suggestions.DidYouMean(step.Operation.Text, catalog.OperationSpellings)));
            return null;
        }
        _operation = operation;
        _step = step;
        _arguments.Clear();
        _reportedMismatch = false;
        _unboundArgument = false;
        var arguments = step.Arguments;
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            if (argument is NameSyntax name && operation.FindParameter(name.Text) is { } named)
            {
                if (named.Kind == ParameterKind.Flag)
                {
                    Assign(named, new FlagValue(name.Word.Span));
                    continue;
                }
                if (named.Keyword)
                {
                    if (i + 1 >= arguments.Length)
                    {
                        report(Descriptors.MissingKeywordValue.Create(source, name.Word.Span, name.Text, Example(named)));
                        continue;
                    }
                    i++;
                    BindTo(named, arguments[i]);
                    continue;
                }
            }
            BindPositional(argument);
        }
        ReportMissing();
        return (operation, _arguments.DrainToMap());
    }

    private void BindPositional(ArgumentSyntax argument)
    {
        switch (argument)
        {
            case NameSyntax name when Resolve(name) is { } constant:
                BindConstant(name, constant);
                return;
            case QuantitySyntax quantity:
                BindQuantity(quantity, null);
                return;
            case MixtureSyntax mixture when FirstFree(ParameterKind.Mixture) is { } mixtureParameter:
                BindTo(mixtureParameter, mixture);
                return;
            case RatioSyntax ratio when _operation.FindParameter("ratio") is { } ratioParameter:
                BindTo(ratioParameter, ratio);
                return;
            case NameSyntax name:
                BindName(name);
                return;
            case ErrorArgumentSyntax:
                _unboundArgument = true; // the parser reported it
                return;
            default:
                report(Descriptors.UnknownName.Create(source, argument.Span, source[argument.Span], _operation.Name, ExpectedKinds(), ""));
                return;
        }
    }

    /// <summary>A <c>let</c> constant or recipe parameter: bound where it is used, so its dimension picks the slot.</summary>
    private void BindConstant(NameSyntax name, BoundValue value)
    {
        if (value is QuantityValue or ParameterValue)
        {
            var dimension = value is QuantityValue q ? q.Quantity.Dimension : ((ParameterValue)value).Dimension;
            var target = FirstFreeQuantity(dimension);
            if (target is null)
            {
                ReportQuantityMismatch(name.Text, dimension, name.Word.Span);
                return;
            }
            Assign(target, Relocate(value, name.Word.Span));
            return;
        }
        var parameter = FirstFreeAccepting(value);
        if (parameter is null)
        {
            report(Descriptors.UnknownName.Create(source, name.Word.Span, name.Text, _operation.Name, ExpectedKinds(), ""));
            return;
        }
        Assign(parameter, Relocate(value, name.Word.Span));
    }

    private ParameterInfo? FirstFreeQuantity(Dimension dimension)
    {
        for (var i = 0; i < _operation.Parameters.Count; i++)
        {
            var parameter = _operation.Parameters[i];
            if (!parameter.Keyword && parameter.Kind == ParameterKind.Quantity && parameter.Dimension == dimension && !_arguments.ContainsKey(parameter.Name))
            {
                return parameter;
            }
        }
        return null;
    }

    private ParameterInfo? FirstFreeAccepting(BoundValue value)
    {
        for (var i = 0; i < _operation.Parameters.Count; i++)
        {
            var parameter = _operation.Parameters[i];
            if (!parameter.Keyword && !_arguments.ContainsKey(parameter.Name) && Accepts(parameter, value))
            {
                return parameter;
            }
        }
        return null;
    }

    private static BoundValue Relocate(BoundValue value, TextSpan span) => value with { Span = span };

    private BoundValue? Resolve(NameSyntax name)
    {
        if (!constants.TryGetValue(name.Text, out var value))
        {
            return null;
        }
        usedConstant?.Invoke(name.Text);
        return value;
    }

    private void BindTo(ParameterInfo parameter, ArgumentSyntax argument)
    {
        if (argument is NameSyntax name && Resolve(name) is { } constant)
        {
            if (!Accepts(parameter, constant))
            {
                report(Descriptors.ArgumentTypeMismatch.Create(source, name.Word.Span, name.Text, parameter.Name, KindText(parameter)));
                return;
            }
            Assign(parameter, Relocate(constant, name.Word.Span));
            return;
        }
        var value = argument switch
        {
            QuantitySyntax quantity when parameter.Kind == ParameterKind.Quantity => BindQuantity(quantity, parameter),
            NameSyntax word => ClassifyFor(parameter, word),
            MixtureSyntax mixture when parameter.Kind is ParameterKind.Mixture or ParameterKind.Reagents => BindMixture(mixture),
            RatioSyntax ratio => new RatioValue([.. ratio.Components.Select(c => c.Text)], [.. ratio.Parts.Select(p => ParseNumber(p.Text))], ratio.Span),
            StringSyntax text when parameter.Kind == ParameterKind.Text => new TextValue(text.Value, text.Span),
            _ => null,
        };
        if (argument is QuantitySyntax)
        {
            return; // BindQuantity assigned or reported
        }
        if (value is null)
        {
            report(Descriptors.ArgumentTypeMismatch.Create(source, argument.Span, source[argument.Span], parameter.Name, KindText(parameter)));
            return;
        }
        Assign(parameter, value);
    }

    private void BindName(NameSyntax name)
    {
        if (FirstFree(ParameterKind.DopantAmounts) is { } dopants)
        {
            BindDopant(dopants, name);
            return;
        }
        for (var i = 0; i < _operation.Parameters.Count; i++)
        {
            var parameter = _operation.Parameters[i];
            if (!IsPositional(parameter) || (_arguments.ContainsKey(parameter.Name) && parameter.Kind != ParameterKind.Reagents))
            {
                continue;
            }
            if (ClassifyFor(parameter, name) is { } value)
            {
                Assign(parameter, value);
                return;
            }
        }
        _unboundArgument = true;
        var candidates = Positional().SelectMany(CandidateNames).Concat(_operation.Parameters.Where(p => p.Keyword || p.Kind == ParameterKind.Flag).Select(p => p.Name)).Concat(constants.Keys);
        report(Descriptors.UnknownName.Create(source, name.Word.Span, name.Text, _operation.Name, ExpectedKinds(), Suggestions.DidYouMean(name.Text, candidates)));
    }

    private void BindDopant(ParameterInfo parameter, NameSyntax name)
    {
        var existing = _arguments.GetValueOrDefault(parameter.Name) as DopantsValue;
        var list = existing?.Dopants ?? [];
        foreach (var element in name.Text.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var info = catalog.Dopants.GetValueOrDefault(element);
            if (info is null)
            {
                report(Descriptors.UnknownDopant.Create(source, name.Word.Span, element, Suggestions.DidYouMean(element, catalog.Dopants.Keys), string.Join(", ", catalog.Dopants.Keys)));
            }
            // An unknown element still takes the amount after it, so the amount is not reported a second time.
            list = list.Add(new DopantAmount(element, info, null, name.Word.Span));
        }
        _arguments[parameter.Name] = new DopantsValue(list, existing is null ? name.Word.Span : existing.Span.Cover(name.Word.Span));
    }

    private BoundValue? BindQuantity(QuantitySyntax syntax, ParameterInfo? target)
    {
        var value = syntax.Value;
        var span = syntax.Span;
        string Text() => source[span]; // for messages only
        if (double.IsNaN(value))
        {
            _unboundArgument = true; // a malformed number, reported by the lexer
            return null;
        }
        if (double.IsInfinity(value))
        {
            report(Descriptors.ImpossibleValue.Create(source, span, Text(), "the number is too large"));
            _unboundArgument = true;
            return null;
        }
        if (syntax.Unit is not { } unitToken)
        {
            // The slot the number most likely meant: the first free quantity; its usual unit makes the fix.
            var slot = target ?? FirstFreePositional(ParameterKind.Quantity);
            _unboundArgument = true;
            var text = Text();
            if (slot is { Dimension: { } dimension })
            {
                var unit = UsualUnit(slot, dimension);
                var diagnostic = Descriptors.MissingUnit.Create(source, span, text, $"{text}{unit.Canonical} for the {slot.Name}");
                report(diagnostic.WithFix($"Write {text}{unit.Canonical}", new TextChange(new TextSpan(syntax.Number.Span.End, 0), unit.Canonical)));
            }
            else
            {
                report(Descriptors.MissingUnit.Create(source, span, text, "220C or 3h"));
            }
            return null;
        }
        var spelling = unitToken.Text;
        // An open dopant list takes the next amount: "dope Al 1mol% Cu 0.5mol%".
        if (target is null && FirstDopants() is { } dopants && dopants.Dopants.Length > 0 && dopants.Dopants[^1].Amount is null)
        {
            var parameter = _operation.Parameters.First(p => p.Kind == ParameterKind.DopantAmounts);
            var element = dopants.Dopants[^1].Element;
            QuantityValue amount;
            if (UnitTable.TryLookup(spelling, Dimension.MassFraction, out var massUnit) && massUnit.Dimension == Dimension.MassFraction)
            {
                if (DopantMolPercent(element, new Quantity(value, massUnit)) is not { } molPercent)
                {
                    report(Descriptors.WrongDimension.Create(source, span, Text(), "mass fraction", _operation.Name,
                        $"a molar fraction per transition metal (mol% or at%); a wt% converts only in a recipe with a catalogued material and a known element"));
                    _unboundArgument = true;
                    return null;
                }
                amount = new QuantityValue(molPercent, span);
            }
            else if (UnitTable.TryLookup(spelling, parameter.Dimension ?? Dimension.MolarFraction, out var dopantUnit) && dopantUnit.Dimension == parameter.Dimension)
            {
                amount = new QuantityValue(new Quantity(value, dopantUnit), span);
            }
            else
            {
                ReportQuantityMismatch(Text(), dopantUnit?.Dimension, span, parameter);
                return null;
            }
            var last = dopants.Dopants[^1] with { Amount = amount };
            _arguments[parameter.Name] = new DopantsValue(dopants.Dopants.SetItem(dopants.Dopants.Length - 1, last), dopants.Span.Cover(span));
            return amount;
        }
        if (target is not null)
        {
            if (Fits(target, spelling, out var unit))
            {
                if (_arguments.ContainsKey(target.Name))
                {
                    report(Descriptors.DuplicateParameter.Create(source, span, _operation.Name, target.Name));
                    return null;
                }
                var bound = new QuantityValue(new Quantity(value, unit), span);
                Assign(target, bound);
                return bound;
            }
        }
        else
        {
            for (var i = 0; i < _operation.Parameters.Count; i++)
            {
                var parameter = _operation.Parameters[i];
                if (!IsPositional(parameter) || parameter.Kind != ParameterKind.Quantity || !Fits(parameter, spelling, out var unit))
                {
                    continue;
                }
                if (_arguments.ContainsKey(parameter.Name))
                {
                    if (FreeQuantityBeside(parameter))
                    {
                        continue;
                    }
                    report(Descriptors.DuplicateParameter.Create(source, span, _operation.Name, parameter.Name));
                    return null;
                }
                var bound = new QuantityValue(new Quantity(value, unit), span);
                Assign(parameter, bound);
                return bound;
            }
        }
        if (!UnitTable.TryLookup(spelling, out var known))
        {
            _unboundArgument = true; // whatever it meant, a missing-parameter error on top would be noise
            report(Descriptors.UnknownUnit.Create(source, unitToken.Span, spelling, Suggestions.DidYouMean(spelling, UnitTable.Spellings)));
            return null;
        }
        ReportQuantityMismatch(Text(), known.Dimension, span, target);
        return null;
    }

    /// <summary>The unit is one of the parameter's dimension.</summary>
    private static bool Fits(ParameterInfo parameter, string spelling, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Unit? unit)
    {
        unit = null;
        return parameter.Dimension is { } dimension && UnitTable.TryLookup(spelling, dimension, out unit) && unit.Dimension == dimension;
    }

    /// <summary>Another positional quantity of the same dimension is still free (two temperatures: the second goes there).</summary>
    private bool FreeQuantityBeside(ParameterInfo taken)
    {
        for (var i = 0; i < _operation.Parameters.Count; i++)
        {
            var parameter = _operation.Parameters[i];
            if (IsPositional(parameter) && parameter.Kind == ParameterKind.Quantity && !ReferenceEquals(parameter, taken)
                && parameter.Dimension == taken.Dimension && !_arguments.ContainsKey(parameter.Name))
            {
                return true;
            }
        }
        return false;
    }

    private DopantsValue? FirstDopants()
    {
        for (var i = 0; i < _arguments.Count; i++)
        {
            if (_arguments.ValueAt(i) is DopantsValue dopants)
            {
                return dopants;
            }
        }
        return null;
    }

    /// <summary>
    /// A dopant's mass fraction of the cathode as mol% per transition metal, the unit the catalog's dopant ranges use:
    /// (w / A_dopant) / (metals per formula unit / M_material).
    /// </summary>
    private Quantity? DopantMolPercent(string element, Quantity massFraction)
    {
        if (material is null || !Chemistry.Elements.TryGet(element, out var dopant) || !UnitTable.TryLookup("mol%", out var molPercent))
        {
            return null;
        }
        var perMetal = massFraction.Si / dopant.AtomicWeight / (material.MetalsPerFormula / material.MolarMass);
        return new Quantity(perMetal * 100, molPercent);
    }

    /// <summary>The unit recipes write for a slot: its own range's unit, else the one the catalog's ranges use for that dimension.</summary>
    private Unit UsualUnit(ParameterInfo slot, Dimension dimension)
    {
        var spelling = slot.Typical?.Unit
            ?? catalog.Operations.Values.SelectMany(o => o.Parameters).Where(p => p.Dimension == dimension).Select(p => p.Typical?.Unit ?? p.Hard?.Unit).FirstOrDefault(u => u is not null);
        return spelling is not null && UnitTable.TryLookup(spelling, dimension, out var unit) ? unit : UnitTable.Featured(dimension)[0];
    }

    private void ReportQuantityMismatch(string text, Dimension? dimension, TextSpan span, ParameterInfo? target = null)
    {
        _reportedMismatch = true;
        var takes = target is not null
            ? $"{target.Dimension?.DisplayName()} for '{target.Name}'"
            : string.Join(", ", _operation.Parameters.Where(p => p.Kind == ParameterKind.Quantity && !p.Keyword).Select(p => $"{p.Dimension?.DisplayName()} ({p.Name})"));
        if (takes.Length == 0)
        {
            takes = "no quantities";
        }
        report(Descriptors.WrongDimension.Create(source, span, text, dimension?.DisplayName() ?? "quantity", _operation.Name, takes));
    }

    private MixtureValue? BindMixture(MixtureSyntax mixture)
    {
        var components = ImmutableArray.CreateBuilder<ReagentValue>();
        foreach (var component in mixture.Components)
        {
            if (Reagent(component.Text, component.Span) is { } reagent)
            {
                components.Add(reagent);
            }
            else
            {
                report(Descriptors.UnknownName.Create(source, component.Span, component.Text, _operation.Name, "a salt or a chemical formula",
                    Suggestions.DidYouMean(component.Text, catalog.Reagents.Keys)));
            }
        }
        return components.Count == mixture.Components.Length ? new MixtureValue(components.ToImmutable(), mixture.Span) : null;
    }

    /// <summary>What a name means for one parameter, or null when it does not fit that parameter.</summary>
    private BoundValue? ClassifyFor(ParameterInfo parameter, NameSyntax name)
    {
        var text = name.Text;
        var span = name.Word.Span;
        return parameter.Kind switch
        {
            ParameterKind.Atmosphere => catalog.FindAtmosphere(text) is { } atmosphere ? new NamedValue(atmosphere.Name, atmosphere, span) : null,
            ParameterKind.Coating => catalog.Coatings.GetValueOrDefault(text) is { } coating ? new NamedValue(coating.Name, coating, span) : null,
            ParameterKind.Binder => catalog.Binders.GetValueOrDefault(text) is { } binder ? new NamedValue(binder.Name, binder, span) : null,
            ParameterKind.Conductive => Conductives(text) is { } conductives ? new NamedValue(string.Join("+", conductives.Select(c => c.Name)), conductives[0], span) : null,
            ParameterKind.Choice => Choice(parameter, text) is { } choice ? new NamedValue(choice, null, span) : null,
            ParameterKind.Reagent => Reagent(text, span),
            ParameterKind.Reagents => Reagent(text, span),
            ParameterKind.Mixture => Reagent(text, span) is { } single ? new MixtureValue([single], span) : null,
            ParameterKind.Count => text.Length > 1 && (text[0] == 'x' || text[0] == '×') && int.TryParse(text.AsSpan(1), out var count) && count > 0 ? new CountValue(count, span) : null,
            ParameterKind.Text => new TextValue(text, span),
            _ => null,
        };
    }

    private static string? Choice(ParameterInfo parameter, string text)
    {
        foreach (var choice in parameter.Choices ?? [])
        {
            if (string.Equals(choice, text, StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }
        return null;
    }

    /// <summary>One conductive additive or a combination (point–line–plane networks: carbon_black+graphene).</summary>
    private List<ConductiveInfo>? Conductives(string text)
    {
        var parts = new List<ConductiveInfo>();
        foreach (var part in text.Split('+'))
        {
            if (catalog.Conductives.GetValueOrDefault(part) is not { } conductive)
            {
                return null;
            }
            parts.Add(conductive);
        }
        return parts;
    }

    private ReagentValue? Reagent(string text, TextSpan span)
    {
        if (catalog.FindReagent(text) is { } reagent)
        {
            return new ReagentValue(text, reagent, catalog.FormulaOf(reagent), span);
        }
        // Any formula made of real elements is a reagent the catalog does not describe: its elements are still known.
        return char.IsAsciiLetterUpper(text[0]) && Formula.TryParse(text, out var formula, out _) ? new ReagentValue(text, null, formula, span) : null;
    }

    private static bool Accepts(ParameterInfo parameter, BoundValue value) => parameter.Kind switch
    {
        ParameterKind.Quantity => value is QuantityValue q ? q.Quantity.Dimension == parameter.Dimension : value is ParameterValue p && p.Dimension == parameter.Dimension,
        ParameterKind.Atmosphere => value is NamedValue { Info: AtmosphereInfo },
        ParameterKind.Coating => value is NamedValue { Info: CoatingInfo },
        ParameterKind.Binder => value is NamedValue { Info: BinderInfo },
        ParameterKind.Conductive => value is NamedValue { Info: ConductiveInfo },
        ParameterKind.Reagent or ParameterKind.Reagents => value is ReagentValue,
        ParameterKind.Mixture => value is MixtureValue or ReagentValue,
        ParameterKind.Text => value is TextValue or RatioValue,
        _ => false,
    };

    private void Assign(ParameterInfo parameter, BoundValue value)
    {
        if (_arguments.TryGetValue(parameter.Name, out var existing))
        {
            if (parameter.Kind == ParameterKind.Reagents && existing is ReagentValue first && value is ReagentValue second)
            {
                _arguments[parameter.Name] = new MixtureValue([first, second], first.Span.Cover(second.Span));
                return;
            }
            if (parameter.Kind == ParameterKind.Reagents && existing is MixtureValue list && value is ReagentValue more)
            {
                _arguments[parameter.Name] = new MixtureValue(list.Components.Add(more), list.Span.Cover(more.Span));
                return;
            }
            report(Descriptors.DuplicateParameter.Create(source, value.Span, _operation.Name, parameter.Name));
            return;
        }
        _arguments[parameter.Name] = value;
    }

    private void ReportMissing()
    {
        if (_unboundArgument)
        {
            return;
        }
        var parameters = _operation.Parameters;
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            if (!parameter.Required || _arguments.ContainsKey(parameter.Name) || (parameter.Kind == ParameterKind.Quantity && _reportedMismatch))
            {
                continue; // given, or the wrong-dimension error already says what belongs there
            }
            var diagnostic = Descriptors.MissingParameter.Create(source, _step.Operation.Span, _operation.Name, Describe(parameter), Hint(parameter));
            if (FixFor(parameter) is { } insert)
            {
                diagnostic = diagnostic.WithFix($"Add {insert.Trim()}", new TextChange(new TextSpan(_step.Span.End, 0), insert));
            }
            report(diagnostic);
        }
        // Each group of alternatives once, in the order of its first member: one of them must be given.
        for (var i = 0; i < parameters.Count; i++)
        {
            var group = parameters[i].RequiredGroup;
            if (group is null || IndexOfGroup(group) != i || AnyGiven(group))
            {
                continue;
            }
            ReportMissingGroup(group, parameters[i]);
        }
    }

    private void ReportMissingGroup(string group, ParameterInfo first)
    {
        var members = _operation.Parameters.Where(p => p.RequiredGroup == group);
        report(Descriptors.MissingParameter.Create(source, _step.Operation.Span, _operation.Name, string.Join(" or ", members.Select(Describe)), Hint(first)));
    }

    private int IndexOfGroup(string group)
    {
        for (var i = 0; i < _operation.Parameters.Count; i++)
        {
            if (_operation.Parameters[i].RequiredGroup == group)
            {
                return i;
            }
        }
        return -1;
    }

    private bool AnyGiven(string group)
    {
        for (var i = 0; i < _operation.Parameters.Count; i++)
        {
            var parameter = _operation.Parameters[i];
            if (parameter.RequiredGroup == group && _arguments.ContainsKey(parameter.Name))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The one missing argument whose value is safe to guess: an oxygen atmosphere suits every cathode.</summary>
    private string? FixFor(ParameterInfo parameter) =>
        parameter.Kind == ParameterKind.Atmosphere && catalog.Atmospheres.ContainsKey("O2") ? " O2" : null;

    private static bool IsPositional(ParameterInfo parameter) => !parameter.Keyword && parameter.Kind != ParameterKind.Flag;

    private IEnumerable<ParameterInfo> Positional() => _operation.Parameters.Where(IsPositional);

    /// <summary>The first positional parameter of a kind that is still free (a dopant list takes more names even when given).</summary>
    private ParameterInfo? FirstFree(ParameterKind kind) =>
        FirstFreePositional(kind) ?? (kind == ParameterKind.DopantAmounts ? FirstPositional(kind) : null);

    private ParameterInfo? FirstFreePositional(ParameterKind kind)
    {
        for (var i = 0; i < _operation.Parameters.Count; i++)
        {
            var parameter = _operation.Parameters[i];
            if (IsPositional(parameter) && parameter.Kind == kind && !_arguments.ContainsKey(parameter.Name))
            {
                return parameter;
            }
        }
        return null;
    }

    private ParameterInfo? FirstPositional(ParameterKind kind)
    {
        for (var i = 0; i < _operation.Parameters.Count; i++)
        {
            var parameter = _operation.Parameters[i];
            if (IsPositional(parameter) && parameter.Kind == kind)
            {
                return parameter;
            }
        }
        return null;
    }

    private IEnumerable<string> CandidateNames(ParameterInfo parameter) => parameter.Kind switch
    {
        ParameterKind.Atmosphere => catalog.Atmospheres.Keys.Concat(catalog.Atmospheres.Values.SelectMany(a => a.Aliases)),
        ParameterKind.Coating => catalog.Coatings.Keys,
        ParameterKind.Binder => catalog.Binders.Keys,
        ParameterKind.Conductive => catalog.Conductives.Keys,
        ParameterKind.Choice => parameter.Choices ?? [],
        ParameterKind.Reagent or ParameterKind.Reagents or ParameterKind.Mixture => catalog.Reagents.Keys,
        _ => [],
    };

    private string ExpectedKinds()
    {
        var kinds = Positional().Select(KindText).Distinct().ToList();
        var keywords = _operation.Parameters.Where(p => p.Keyword || p.Kind == ParameterKind.Flag).Select(p => $"'{p.Name}'").ToList();
        if (keywords.Count > 0)
        {
            kinds.Add("the keywords " + string.Join(", ", keywords));
        }
        return kinds.Count == 0 ? "no arguments" : string.Join(", ", kinds);
    }

    private static string KindText(ParameterInfo parameter) => parameter.Kind switch
    {
        ParameterKind.Quantity => $"a {parameter.Dimension?.DisplayName()}",
        ParameterKind.Reagent or ParameterKind.Reagents => "a reagent or formula",
        ParameterKind.Mixture => "a salt mixture such as LiOH-LiNO3",
        ParameterKind.Atmosphere => "an atmosphere",
        ParameterKind.Coating => "a coating material",
        ParameterKind.DopantAmounts => "dopant elements with amounts",
        ParameterKind.Count => "a repeat count such as x3",
        ParameterKind.Choice => "one of " + string.Join(", ", parameter.Choices ?? []),
        ParameterKind.Binder => "a binder",
        ParameterKind.Conductive => "a conductive additive",
        _ => parameter.Name,
    };

    private string Describe(ParameterInfo parameter) => parameter.Kind switch
    {
        ParameterKind.Atmosphere => $"an atmosphere ({catalog.AtmosphereSpellings})",
        _ => $"{KindText(parameter)} ('{parameter.Name}')",
    };

    private static string Example(ParameterInfo parameter) => parameter.Kind switch
    {
        ParameterKind.Quantity when parameter.Typical is { } typical => $"e.g. {(parameter.Keyword ? parameter.Name + " " : "")}{NumberText.Canonical(typical.Max)}{(UnitTable.TryLookup(typical.Unit, out var unit) ? unit.Canonical : typical.Unit)}",
        ParameterKind.Quantity when parameter.Dimension is { } dimension => $"a number with a unit such as {string.Join(", ", UnitTable.Featured(dimension).Take(2).Select(u => u.Canonical))}",
        ParameterKind.Choice => $"e.g. {parameter.Name} {parameter.Choices?.FirstOrDefault()}",
        _ => $"e.g. {(parameter.Keyword ? parameter.Name + " " : "")}{parameter.Doc}",
    };

    // What follows "needs …": an example where the catalog gives a value to show, else what the parameter's doc says.
    private static string Hint(ParameterInfo parameter) => parameter.Kind switch
    {
        ParameterKind.Quantity or ParameterKind.Choice => $" ({Example(parameter)})",
        _ when string.IsNullOrEmpty(parameter.Doc) => "",
        _ => $": {char.ToLowerInvariant(parameter.Doc[0])}{parameter.Doc[1..].TrimEnd('.')}",
    };

    private static double ParseNumber(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
}
