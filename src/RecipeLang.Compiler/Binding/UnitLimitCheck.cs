using RecipeLang.Catalog;
using RecipeLang.Compiler.Lowering;
using RecipeLang.Runtime;

namespace RecipeLang.Compiler.Binding;

/// <summary>
/// The binding stage's check: every verb of every step against the limits of the unit it is bound to, with the
/// same comparisons the checker's furnace, autoclave and gas rules make against the site profile (set-point above
/// the maximum, sealed-autoclave steam pressure from the steam table, a gas the unit cannot supply). One error per
/// step and limit, naming the unit, at the step's recipe line.
/// </summary>
public static class UnitLimitCheck
{
    public static IReadOnlyList<string> Check(LoweredRecipe recipe, UnitBinding binding)
    {
        var errors = new List<string>();
        var sealedAutoclave = false;
        foreach (var step in recipe.Steps)
        {
            var found = new HashSet<string>();
            foreach (var verb in step.Verbs)
            {
                if (verb.Kind == VerbKind.Seal && verb.Vessel == Vessel.Autoclave)
                    sealedAutoclave = true;
                if (verb.Kind == VerbKind.Vent && verb.Vessel == Vessel.Autoclave)
                    sealedAutoclave = false;
                if (!binding.Units.TryGetValue(verb.Vessel, out var unit))
                    continue;
                var profile = unit.Apply(binding.Profile);
                foreach (var problem in Problems(verb, profile, sealedAutoclave))
                {
                    if (found.Add(problem))
                        errors.Add($"{recipe.SourcePath}:{step.Line}:{step.Column}: error: step {step.Index + 1} '{step.Description}' {problem} of unit {unit.Id}; " +
                            "bind another unit with --unit or change the recipe");
                }
            }
        }
        return errors;
    }

    private static IEnumerable<string> Problems(Verb verb, EquipmentProfile unit, bool sealedAutoclave)
    {
        var temperature = verb.Kind is VerbKind.Ramp or VerbKind.Dry
            ? verb.Arguments.FirstOrDefault(a => a.Kind == ArgumentKind.Temperature)?.Number
            : null;
        if (temperature is { } t)
        {
            var max = verb.Vessel switch
            {
                Vessel.Furnace => unit.FurnaceMaxC,
                Vessel.Autoclave => unit.AutoclaveMaxC,
                _ => double.PositiveInfinity,
            };
            if (t > max)
                yield return $"sets the {Name(verb.Vessel)} to {t:0.##} °C, above the {max:0.##} °C maximum";
            if (verb.Vessel == Vessel.Autoclave && sealedAutoclave && Catalog.RecipeCatalog.Default.Water.PressureBar(t) is var bar && bar > unit.AutoclaveMaxBar)
                yield return $"seals steam of {bar:0.#} bar at {t:0.##} °C in the autoclave, above the {unit.AutoclaveMaxBar:0.##} bar maximum";
        }
        if (verb.Kind is VerbKind.SetAtmosphere or VerbKind.Purge && verb.Vessel == Vessel.Furnace
            && verb.Arguments.FirstOrDefault(a => a.Kind == ArgumentKind.Gas)?.Text is { } gas
            && !string.Equals(gas, "vacuum", StringComparison.OrdinalIgnoreCase) && !unit.HasGas(gas))
            yield return $"needs {gas}, which is not among the gases ({string.Join(", ", unit.Gases)})";
    }

    private static string Name(Vessel vessel) => vessel.ToString().ToLowerInvariant();
}
