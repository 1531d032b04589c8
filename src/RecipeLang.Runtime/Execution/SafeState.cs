namespace RecipeLang.Runtime.Execution;

/// <summary>
/// Drives the plant to rest after a fault or a stop: every heater and the cell off, the autoclave
/// vented, the hot vessels purged with an inert gas. Each action is tried even when an earlier one
/// failed, because a half-safe plant is better than one left as the fault found it.
/// </summary>
internal static class SafeState
{
    private static readonly Vessel[] Powered = [Vessel.Furnace, Vessel.Autoclave, Vessel.Dryer, Vessel.Cell, Vessel.Mixer];
    private static readonly Vessel[] Purged = [Vessel.Furnace, Vessel.Autoclave];

    public static async Task<IReadOnlyList<string>> ReachAsync(IProcessController plant, EquipmentLimits limits)
    {
        // Not the run's token: that one may be the cancellation that brought us here.
        var none = CancellationToken.None;
        var log = new List<string>();
        foreach (var vessel in Powered)
            await TryAsync(log, $"power off {vessel}", () => plant.PowerOffAsync(vessel, none));
        await TryAsync(log, $"vent {Vessel.Autoclave}", () => plant.VentAsync(Vessel.Autoclave, none));

        var inert = limits.AllowedGases.Select(Gas.Named).Where(g => g.IsInert).Cast<Gas?>().FirstOrDefault();
        if (inert is { } gas)
        {
            foreach (var vessel in Purged)
                await TryAsync(log, $"purge {vessel} with {gas}", () => plant.PurgeAsync(vessel, gas, none));
        }
        else
        {
            log.Add("purge skipped: the site's gas list has no inert gas (N2 or Ar)");
        }
        return log;
    }

    private static async Task TryAsync(List<string> log, string action, Func<Task> act)
    {
        try
        {
            await act();
            log.Add(action);
        }
        catch (Exception e)
        {
            log.Add($"{action} FAILED: {e.Message}");
        }
    }
}
