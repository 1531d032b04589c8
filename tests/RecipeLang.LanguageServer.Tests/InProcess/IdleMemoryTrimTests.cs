using RecipeLang.LanguageServer.Hosting;

namespace RecipeLang.LanguageServer.Tests.InProcess;

public class IdleMemoryTrimTests
{
    private const long Megabyte = 1024 * 1024;
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(50);

    // A resident set the test sets: the trim's decisions, not the machine's memory, are under test.
    private long _resident = 100 * Megabyte;

    private IdleMemoryTrim Trim(TimeSpan delay) => new(delay, () => Interlocked.Read(ref _resident));

    private static bool WaitFor(Func<bool> condition)
    {
        for (var waited = 0; waited < 5000 && !condition(); waited += 20)
        {
            Thread.Sleep(20);
        }
        return condition();
    }

    [Test]
    public void CollectsOnceTheLastWorkHasBeenDoneForTheDelay()
    {
        using var trim = Trim(Delay);
        trim.Busy();
        _resident += 200 * Megabyte;
        trim.Done();
        Assert.That(WaitFor(() => trim.Collections == 1), Is.True);
        Thread.Sleep(Delay * 4);
        Assert.That(trim.Collections, Is.EqualTo(1), "one collection per idle spell");
    }

    [Test]
    public void NeverCollectsWhileWorkRuns()
    {
        using var trim = Trim(Delay);
        trim.Busy();
        trim.Busy();
        _resident += 200 * Megabyte;
        trim.Done();
        Thread.Sleep(Delay * 6);
        Assert.That(trim.Collections, Is.Zero);
        trim.Done();
        Assert.That(WaitFor(() => trim.Collections == 1), Is.True);
    }

    [Test]
    public void CollectsAgainOnlyAfterTheResidentSetGrowsAgain()
    {
        using var trim = Trim(Delay);
        trim.Busy();
        _resident += 200 * Megabyte;
        trim.Done();
        Assert.That(WaitFor(() => trim.Collections == 1), Is.True);
        trim.Busy();
        _resident += 10 * Megabyte;
        trim.Done();
        Thread.Sleep(Delay * 6);
        Assert.That(trim.Collections, Is.EqualTo(1), "10 MB more is not worth a blocking collection");
        trim.Busy();
        _resident += 100 * Megabyte;
        trim.Done();
        Assert.That(WaitFor(() => trim.Collections == 2), Is.True);
    }

    [Test]
    public void ADelayOfZeroNeverCollects()
    {
        using var trim = Trim(TimeSpan.Zero);
        trim.Busy();
        _resident += 200 * Megabyte;
        trim.Done();
        Thread.Sleep(Delay * 6);
        Assert.That(trim.Collections, Is.Zero);
    }
}
