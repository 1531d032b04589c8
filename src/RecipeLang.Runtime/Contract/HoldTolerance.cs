namespace RecipeLang.Runtime;

/// <summary>
/// When a hold's time counts: only while the measured temperature is within this many degrees of the
/// set-point (a "guaranteed soak"). A hold that follows a ramp therefore waits for the charge to catch up
/// with the set-point, and time out of the band (a door opened, a heater dropping out) is not counted.
/// </summary>
public static class HoldTolerance
{
    public const double DefaultCelsius = 5;
}
