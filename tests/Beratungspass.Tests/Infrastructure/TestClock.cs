using Beratungspass.Infrastructure;
using NodaTime;

namespace Beratungspass.Tests.Infrastructure;

/// <summary>The app's clock, moved by the test (past a PIN lock, to midnight in Unna). Starts at the real now and only goes forward.</summary>
public sealed class TestClock : IClock
{
    private long unixTicks = SystemClock.Instance.GetCurrentInstant().ToUnixTimeTicks();

    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Read(ref unixTicks));

    /// <summary>Today in Kreis Unna, as the app sees it.</summary>
    public LocalDate Today => GetCurrentInstant().InZone(MartenConfiguration.Zone).Date;

    public void Advance(Duration by)
    {
        if (by < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), "The app's clock does not go back.");
        }

        Interlocked.Add(ref unixTicks, by.BclCompatibleTicks);
    }

    /// <summary>Moves forward to the next time this UTC time of day comes round.</summary>
    public void AdvanceToNext(LocalTime utcTimeOfDay)
    {
        var now = GetCurrentInstant().InUtc();
        var next = now.Date.At(utcTimeOfDay).InUtc().ToInstant();
        Advance(next > now.ToInstant() ? next - now.ToInstant() : next + Duration.FromDays(1) - now.ToInstant());
    }
}

/// <summary>The real app with a clock the test moves; everything else as in <see cref="AppHost"/>.</summary>
public class ClockedAppHost(TestPostgres postgres) : AppHost(postgres)
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IClock>(Clock);
}
