using Beratungspass.Passes;
using NodaTime;

namespace Beratungspass.Tests.Passes;

/// <summary>
/// The "given events" of a decision test: folds a pass's events through <see cref="Pass.Create"/> and
/// the <c>Apply</c> methods, as Marten does for the inline snapshot.
/// </summary>
public static class PassHistory
{
    public const string SomePassId = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    public const string Institution = "mbe-awo-unna";
    public const string Counsellor = "c-0a1b2c3d4e";

    /// <summary>10:00 in Unna on a spring day.</summary>
    public static readonly Instant IssuedAt = Instant.FromUtc(2026, 3, 2, 9, 0);

    public static PassIssued Issued() =>
        new(SomePassId, "DEM2KARTS", Institution, ClientLanguage.Ar, AgeBand.From27To44, Counsellor, IssuedAt);

    public static Pass? Given(params object[] events) => events.Aggregate((Pass?)null, Fold);

    private static Pass Fold(Pass? pass, object e) => (pass, e) switch
    {
        (null, PassIssued issued) => Pass.Create(issued),
        ({ } p, CardReissued reissued) => p.Apply(reissued),
        ({ } p, ConsentGranted granted) => p.Apply(granted),
        ({ } p, ConsentWithdrawn withdrawn) => p.Apply(withdrawn),
        _ => throw new ArgumentException($"{e.GetType().Name} cannot follow {(pass is null ? "an empty stream" : "an issued pass")}."),
    };
}
