using System.Diagnostics;
using System.Runtime.InteropServices;

namespace RecipeLang.Fuzz;

/// <summary>
/// CPU time of the calling thread: what an input cost, whatever else the machine ran. Wall time on a shared 2-core
/// machine under load 20 was 8× an input's own cost, and a time budget on it failed inputs that were not slow.
/// Linux only (clock_gettime with CLOCK_THREAD_CPUTIME_ID); elsewhere, wall time.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var time) == 0)
        {
            return TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100);
        }
        return Stopwatch.GetElapsedTime(0);
    }
}
