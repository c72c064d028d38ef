using Beratungspass.Passes;
using Beratungspass.Referrals;
using NodaTime;

namespace Beratungspass.Tests.Referrals;

/// <summary>
/// The stored JSON of every referral event. Referrals are kept as long as their pass, and the statistics read
/// them back, so a change to this contract must show up as a reviewed diff of the snapshots in <c>__snapshots__</c>.
/// </summary>
public sealed class ReferralEventsContractTests(ReferralEventsContractTests.Host host) : IClassFixture<ReferralEventsContractTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private const string ReferralId = "5f0c2a1e9b8d4c7a8e6f1d2c3b4a5968";
    private const string PassId = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 9, 30, 15).Plus(Duration.FromMilliseconds(250));

    internal static readonly string[] Catalogue =
    [
        nameof(ReferralRequested), nameof(PhoneCoordinationLogged), nameof(ReferralAccepted), nameof(ReferralRejected),
        nameof(ReferralStarted), nameof(ReferralCompleted), nameof(ReferralFailed), nameof(ReferralCancelled), nameof(ReferralResultSeen),
    ];

    public static TheoryData<string> EventTypes => new(Catalogue);

    private static readonly PhoneCoordination Call =
        new("Erika Beispiel", new Guid("5a6b7c8d-9eaf-50b1-c2d3-4e5f60718293"), At.Minus(Duration.FromMinutes(25)), CoordinationResult.Agreed, "Termin am Dienstag, 10 Uhr");

    private static object Example(string eventType) => eventType switch
    {
        nameof(ReferralRequested) => new ReferralRequested(ReferralId, PassId, "DEM2KARTS", "mbe-awo-unna", "mbe-awo-unna", "jmd-caritas-luenen", "jmd-caritas-luenen",
            ["education", "work"], Call, null, "Bitte Rückruf an die Zentrale",
            new ConfidentialityRelease("2026-1", ClientLanguage.Ar, ClientPresence.Pin), "c-0a1b2c3d4e", At),
        nameof(PhoneCoordinationLogged) => new PhoneCoordinationLogged(ReferralId, PassId,
            new PhoneCoordination("Zentrale", null, At, CoordinationResult.NotReached, null), "c-0a1b2c3d4e", At),
        nameof(ReferralAccepted) => new ReferralAccepted(ReferralId, PassId, "c-5f6e7d8c9b", At),
        nameof(ReferralRejected) => new ReferralRejected(ReferralId, PassId, ReferralOutcome.NoCapacity, "Warteliste bis Mai", "c-5f6e7d8c9b", At),
        nameof(ReferralStarted) => new ReferralStarted(ReferralId, PassId, "c-5f6e7d8c9b", At),
        nameof(ReferralCompleted) => new ReferralCompleted(ReferralId, PassId, ReferralOutcome.CounsellingTookPlace, null, "c-5f6e7d8c9b", At),
        nameof(ReferralFailed) => new ReferralFailed(ReferralId, PassId, ReferralOutcome.ClientDidNotCome, "Zwei Termine nicht wahrgenommen", "c-5f6e7d8c9b", At),
        nameof(ReferralCancelled) => new ReferralCancelled(ReferralId, PassId, ReferralOutcome.ClientDeclined, null, "c-0a1b2c3d4e", At),
        nameof(ReferralResultSeen) => new ReferralResultSeen(ReferralId, PassId, ReferralStatus.InProgress, null, "c-0a1b2c3d4e", At),
        _ => throw new ArgumentOutOfRangeException(nameof(eventType)),
    };

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Each_referral_event_keeps_its_stored_name_and_JSON_shape(string eventType)
    {
        EventContract.MatchesSnapshot(host.Store, Example(eventType), eventType);
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Each_referral_event_reads_back_from_its_stored_JSON_unchanged(string eventType)
    {
        EventContract.ReadsBackUnchanged(host.Store, Example(eventType));
    }
}
