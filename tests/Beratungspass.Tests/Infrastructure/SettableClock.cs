using NodaTime;

namespace Beratungspass.Tests.Infrastructure;

/// <summary>A clock the test moves forward, so a 15-minute lock can run out without waiting 15 minutes.</summary>
public sealed class SettableClock(Instant start) : IClock
{
    private long ticks = start.ToUnixTimeTicks();

    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Read(ref ticks));

    public void Advance(Duration duration) => Interlocked.Add(ref ticks, duration.BclCompatibleTicks);
}
