using Beratungspass.Passes;
using NodaTime;

namespace Beratungspass.Tests.Passes;

/// <summary>
/// The "given events" of a decision test: folds a pass's events through <see cref="Pass.Create"/> and
/// the <c>Apply</c> methods, as Marten does for the inline snapshot (a test compares the two).
/// </summary>
public static class GivenEvents
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
        ({ } p, ContactRecorded recorded) => p.Apply(recorded),
        ({ } p, ServiceHidden hidden) => p.Apply(hidden),
        ({ } p, ServiceShown shown) => p.Apply(shown),
        ({ } p, HistoryViewed) => p, // not folded into the state: a view changes nothing a decision looks at
        _ => throw new ArgumentException($"{e.GetType().Name} cannot follow {(pass is null ? "an empty stream" : "an issued pass")}."),
    };

    public static ConsentGranted Granted(
        string consentId, ConsentScope scope, string[] institutions, LocalDate validUntil, params ConsentPurpose[] purposes) =>
        new(SomePassId, consentId, scope, institutions, purposes, validUntil, Institution, Counsellor, IssuedAt.Plus(Duration.FromHours(1)));

    public static ConsentWithdrawn Withdrawn(string consentId) =>
        new(SomePassId, consentId, Institution, Counsellor, IssuedAt.Plus(Duration.FromDays(3)));

    public static ContactRecorded Contact(string contactId, string institutionId, string serviceId, LocalDate date, params string[] topics) =>
        new(SomePassId, contactId, institutionId, serviceId, topics, date, ContactKind.First, Counsellor, IssuedAt.Plus(Duration.FromDays(1)));

    public static HistoryViewed Viewed(string institutionId, ClientPresence presence, Instant at) =>
        new(SomePassId, institutionId, Counsellor, ViewPurpose.Intake, presence, at);

    public static ServiceHidden Hidden(string serviceId) => new(SomePassId, serviceId, IssuedAt.Plus(Duration.FromDays(2)));

    public static ServiceShown Shown(string serviceId) => new(SomePassId, serviceId, IssuedAt.Plus(Duration.FromDays(4)));

    public static CardReissued Reissued(int generation) => new(SomePassId, generation, Institution, Counsellor, IssuedAt.Plus(Duration.FromDays(5)));
}
