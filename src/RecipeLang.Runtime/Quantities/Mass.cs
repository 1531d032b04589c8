namespace RecipeLang.Runtime;

/// <summary>A mass, stored in grams.</summary>
public readonly record struct Mass
{
    private Mass(double value) => InGrams = value;

    public double InGrams { get; }

    public static Mass Grams(double grams) => new(grams);
    public static Mass Kilograms(double kilograms) => new(kilograms * 1000);
    public static Mass Milligrams(double milligrams) => new(milligrams / 1000);

    public override string ToString() => QuantityFormat.Format(InGrams, "g");
}
