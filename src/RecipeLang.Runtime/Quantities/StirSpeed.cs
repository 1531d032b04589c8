namespace RecipeLang.Runtime;

/// <summary>A stirrer speed, stored in revolutions per minute.</summary>
public readonly record struct StirSpeed
{
    private StirSpeed(double value) => InRpm = value;

    public double InRpm { get; }

    public static StirSpeed Rpm(double revolutionsPerMinute) => new(revolutionsPerMinute);

    public override string ToString() => QuantityFormat.Format(InRpm, "rpm");
}
