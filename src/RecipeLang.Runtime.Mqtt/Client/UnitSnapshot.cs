namespace RecipeLang.Runtime.Mqtt;

/// <summary>One unit as the runtime last heard it: link state, measured temperature, and set-point while its heater is on.</summary>
public sealed record UnitSnapshot(string Id, Vessel Vessel, string? State, double? TemperatureC, double? SetPointC)
{
    public override string ToString() =>
        $"{Id} {State ?? "?"}, {(TemperatureC is { } t ? QuantityFormat.Format(Math.Round(t, 1), "°C") : "no reading")}" +
        (SetPointC is { } sp ? $" (set-point {QuantityFormat.Format(sp, "°C")})" : "");
}
