using Beratungspass.Passes;
using NodaTime;

namespace Beratungspass.Tests.Passes;

/// <summary>
/// The stored JSON of every pass event, as the host's Marten serializer writes it. Events are kept forever,
/// so any change to this contract must show up as a reviewed diff of the snapshots in <c>__snapshots__</c>.
/// </summary>
public sealed class PassEventsContractTests(PassEventsContractTests.Host host) : IClassFixture<PassEventsContractTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private const string PassId = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 9, 30, 15).Plus(Duration.FromMilliseconds(250));

    internal static readonly string[] Catalogue =
    [
        nameof(PassIssued), nameof(CardReissued), nameof(ConsentGranted), nameof(ConsentWithdrawn),
        nameof(ContactRecorded), nameof(HistoryViewed), nameof(ServiceHidden), nameof(ServiceShown),
    ];

    public static TheoryData<string> EventTypes => new(Catalogue);

    private static object Example(string eventType) => eventType switch
    {
        nameof(PassIssued) => new PassIssued(PassId, "DEM2KARTS", "mbe-awo-unna", ClientLanguage.Ar, AgeBand.From27To44, "c-0a1b2c3d4e", At),
        nameof(CardReissued) => new CardReissued(PassId, 2, "jmd-caritas-luenen", "c-5f6e7d8c9b", At),
        nameof(ConsentGranted) => new ConsentGranted(PassId, "consent-1", ConsentScope.ListedInstitutions, ["jmd-caritas-luenen", "mbe-awo-unna"],
            [ConsentPurpose.ShowHistory, ConsentPurpose.RecordContacts, ConsentPurpose.Referrals, ConsentPurpose.Statistics],
            new LocalDate(2027, 3, 1), "mbe-awo-unna", "c-0a1b2c3d4e", At),
        nameof(ConsentWithdrawn) => new ConsentWithdrawn(PassId, "consent-1", "jmd-caritas-luenen", "c-5f6e7d8c9b", At),
        nameof(ContactRecorded) => new ContactRecorded(PassId, "contact-1", "mbe-awo-unna", "mbe-awo-unna", ["housing", "residence-law"],
            new LocalDate(2026, 3, 2), ContactKind.FollowUp, "c-0a1b2c3d4e", At),
        nameof(HistoryViewed) => new HistoryViewed(PassId, "jmd-caritas-luenen", "c-5f6e7d8c9b", ViewPurpose.Intake, ClientPresence.Pin, At),
        nameof(ServiceHidden) => new ServiceHidden(PassId, "psz-unna-counselling", At),
        nameof(ServiceShown) => new ServiceShown(PassId, "psz-unna-counselling", At),
        _ => throw new ArgumentOutOfRangeException(nameof(eventType)),
    };

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Each_pass_event_keeps_its_stored_name_and_JSON_shape(string eventType)
    {
        EventContract.MatchesSnapshot(host.Store, Example(eventType), eventType);
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Each_pass_event_reads_back_from_its_stored_JSON_unchanged(string eventType)
    {
        EventContract.ReadsBackUnchanged(host.Store, Example(eventType));
    }

    [Fact]
    public void Every_event_type_the_store_knows_has_a_snapshot()
    {
        var known = host.Store.Options.Events.AllKnownEventTypes()
            .Select(mapping => mapping.EventType)
            .Where(type => type.Namespace?.StartsWith("Beratungspass", StringComparison.Ordinal) == true)
            .Select(type => type.Name)
            .Order();

        Assert.Equal(Catalogue.Concat(ServiceDirectory.DirectoryEventsContractTests.Catalogue).Concat(Referrals.ReferralEventsContractTests.Catalogue).Order(), known);
    }
}
