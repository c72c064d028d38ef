using Beratungspass.Infrastructure;
using Beratungspass.Institutions;
using Beratungspass.Passes;
using Beratungspass.Passes.Recording;
using NodaTime;
using static Beratungspass.Tests.Passes.GivenEvents;

namespace Beratungspass.Tests.Passes.Recording;

public sealed class RecordContactDecisionTests
{
    // 23:30 UTC on 28 March 2026 is already 00:30 on 29 March in Unna: "today" is the 29th there.
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 28, 23, 30);
    private static readonly LocalDate TodayInUnna = new(2026, 3, 29);
    private static readonly DateTimeZone Zone = MartenConfiguration.Zone;
    private static readonly LocalDate ValidUntil = new(2026, 12, 31);

    private static readonly Institution Awo = new()
    {
        Id = "mbe-awo-unna",
        Name = "AWO Unna – Migrationsberatung",
        Town = "Unna",
        Services =
        [
            new InstitutionService { Id = "mbe-awo-unna", Name = "MBE" },
            new InstitutionService { Id = "mbe-awo-unna-sprechstunde-alt", Name = "Alte Sprechstunde", Retired = true },
        ],
    };

    private static ConsentGranted RecordingConsent(string consentId = "c1", ConsentScope scope = ConsentScope.WholeNetwork, string[]? institutions = null, LocalDate? validUntil = null) =>
        Granted(consentId, scope, institutions ?? [], validUntil ?? ValidUntil, ConsentPurpose.ShowHistory, ConsentPurpose.RecordContacts);

    private static RecordContact Command(string contactId = "contact-1", string serviceId = "mbe-awo-unna", string[]? topics = null, LocalDate? date = null) =>
        new(contactId, serviceId, topics ?? ["housing"], date ?? TodayInUnna, ContactKind.FollowUp, "c-5f6e7d8c9b");

    private static Rejection RefusalOf(Pass? pass, RecordContact command, Instant? now = null) =>
        Assert.Throws<CommandRejectedException>(() => RecordContactDecision.Decide(pass, Awo, command, now ?? Now, Zone)).Reason;

    [Fact]
    public void Recording_names_pass_contact_institution_service_topics_date_kind_counsellor_and_time()
    {
        var recorded = RecordContactDecision.Decide(Given(Issued(), RecordingConsent()), Awo, Command(), Now, Zone);

        Assert.Equal(
            new ContactRecorded(SomePassId, "contact-1", "mbe-awo-unna", "mbe-awo-unna", recorded!.Topics, TodayInUnna, ContactKind.FollowUp, "c-5f6e7d8c9b", Now),
            recorded);
        Assert.Equal(["housing"], recorded.Topics);
    }

    [Fact]
    public void A_pass_that_does_not_exist_gets_no_contact()
    {
        Assert.Equal(Rejection.PassNotFound, RefusalOf(null, Command()));
    }

    [Fact]
    public void A_contact_already_recorded_under_the_same_id_records_nothing_again()
    {
        var pass = Given(Issued(), RecordingConsent(), Contact("contact-1", "mbe-awo-unna", "mbe-awo-unna", TodayInUnna, "housing"));

        Assert.Null(RecordContactDecision.Decide(pass, Awo, Command("contact-1"), Now, Zone));
        Assert.NotNull(RecordContactDecision.Decide(pass, Awo, Command("contact-2"), Now, Zone));
    }

    [Fact]
    public void A_replayed_form_records_nothing_even_when_its_values_would_now_be_refused()
    {
        var pass = Given(Issued(), RecordingConsent(), Contact("contact-1", "mbe-awo-unna", "mbe-awo-unna", TodayInUnna, "housing"), Withdrawn("c1"));

        Assert.Null(RecordContactDecision.Decide(pass, Awo, Command("contact-1", topics: ["not-a-topic"]), Now, Zone));
    }

    [Fact]
    public void Without_any_consent_no_contact_is_recorded()
    {
        Assert.Equal(Rejection.ConsentMissing, RefusalOf(Given(Issued()), Command()));
    }

    [Fact]
    public void A_consent_to_show_the_history_does_not_allow_recording()
    {
        var pass = Given(Issued(), Granted("c1", ConsentScope.WholeNetwork, [], ValidUntil, ConsentPurpose.ShowHistory, ConsentPurpose.Referrals, ConsentPurpose.Statistics));

        Assert.Equal(Rejection.ConsentMissing, RefusalOf(pass, Command()));
    }

    [Fact]
    public void A_withdrawn_consent_allows_no_recording()
    {
        Assert.Equal(Rejection.ConsentMissing, RefusalOf(Given(Issued(), RecordingConsent(), Withdrawn("c1")), Command()));
    }

    [Fact]
    public void A_consent_allows_recording_through_its_last_day_in_Unna_and_not_after()
    {
        var lastDayYesterday = Given(Issued(), RecordingConsent(validUntil: TodayInUnna.PlusDays(-1)));
        var lastDayToday = Given(Issued(), RecordingConsent(validUntil: TodayInUnna));

        // Still the 28th in UTC, but the consent ended with the 28th in Unna.
        Assert.Equal(Rejection.ConsentMissing, RefusalOf(lastDayYesterday, Command()));
        Assert.NotNull(RecordContactDecision.Decide(lastDayToday, Awo, Command(), Now, Zone));
    }

    [Fact]
    public void A_consent_for_listed_institutions_allows_only_those_to_record()
    {
        var forJmdOnly = Given(Issued(), RecordingConsent(scope: ConsentScope.ListedInstitutions, institutions: ["jmd-caritas-luenen"]));
        var forAwoAndJmd = Given(Issued(), RecordingConsent(scope: ConsentScope.ListedInstitutions, institutions: ["jmd-caritas-luenen", "mbe-awo-unna"]));

        Assert.Equal(Rejection.ConsentMissing, RefusalOf(forJmdOnly, Command()));
        Assert.NotNull(RecordContactDecision.Decide(forAwoAndJmd, Awo, Command(), Now, Zone));
    }

    [Theory]
    [InlineData("jmd-caritas-luenen")] // another institution's service
    [InlineData("mbe-awo-unna-sprechstunde-alt")] // retired
    [InlineData("no-such-service")]
    [InlineData("")]
    public void Only_an_active_service_of_the_own_institution_can_be_recorded(string serviceId)
    {
        Assert.Equal(Rejection.ServiceNotOfInstitution, RefusalOf(Given(Issued(), RecordingConsent()), Command(serviceId: serviceId)));
    }

    [Fact]
    public void Today_in_Unna_is_the_latest_date_even_where_UTC_still_has_yesterday()
    {
        var pass = Given(Issued(), RecordingConsent());

        Assert.Equal(TodayInUnna, RecordContactDecision.Decide(pass, Awo, Command(date: TodayInUnna), Now, Zone)!.Date);
        Assert.Equal(Rejection.ContactDateInFuture, RefusalOf(pass, Command(date: TodayInUnna.PlusDays(1))));
    }

    [Fact]
    public void A_minute_before_midnight_in_Unna_the_next_day_is_still_in_the_future()
    {
        var pass = Given(Issued(), RecordingConsent());
        var beforeMidnight = Instant.FromUtc(2026, 3, 28, 22, 59); // 23:59 in Unna on the 28th

        Assert.Equal(Rejection.ContactDateInFuture, RefusalOf(pass, Command(date: TodayInUnna), beforeMidnight));
        Assert.NotNull(RecordContactDecision.Decide(pass, Awo, Command(date: TodayInUnna), beforeMidnight.Plus(Duration.FromMinutes(1)), Zone));
    }

    [Fact]
    public void A_contact_may_be_recorded_up_to_90_days_back_and_no_further()
    {
        var pass = Given(Issued(), RecordingConsent());

        Assert.Equal(new LocalDate(2025, 12, 29), RecordContactDecision.Decide(pass, Awo, Command(date: new LocalDate(2025, 12, 29)), Now, Zone)!.Date);
        Assert.Equal(Rejection.ContactDateTooOld, RefusalOf(pass, Command(date: new LocalDate(2025, 12, 28))));
    }

    [Fact]
    public void A_contact_without_a_topic_is_refused()
    {
        Assert.Equal(Rejection.TopicsMissing, RefusalOf(Given(Issued(), RecordingConsent()), Command(topics: [])));
    }

    [Fact]
    public void A_topic_outside_the_taxonomy_is_refused_and_named()
    {
        var rejected = Assert.Throws<CommandRejectedException>(() =>
            RecordContactDecision.Decide(Given(Issued(), RecordingConsent()), Awo, Command(topics: ["housing", "Housing", "astrology"]), Now, Zone));

        Assert.Equal(Rejection.TopicUnknown, rejected.Reason);
        Assert.Equal("Housing", rejected.Detail);
    }

    [Fact]
    public void Topics_are_recorded_once_each_in_a_fixed_order()
    {
        var recorded = RecordContactDecision.Decide(Given(Issued(), RecordingConsent()), Awo,
            Command(topics: ["work", "housing", "work", "debts", "housing"]), Now, Zone);

        Assert.Equal(["debts", "housing", "work"], recorded!.Topics);
    }

    public static TheoryData<string, bool> EventsSinceTheForm => new()
    {
        { nameof(ContactRecorded), true },
        { nameof(HistoryViewed), true },
        { nameof(ConsentGranted), false },
        { nameof(ConsentWithdrawn), false },
        { nameof(CardReissued), false },
        { nameof(ServiceHidden), false },
        { nameof(ServiceShown), false },
    };

    [Theory]
    [MemberData(nameof(EventsSinceTheForm))]
    public void A_form_stays_valid_after_other_contacts_and_views_but_not_after_a_consent_card_or_visibility_change(string eventType, bool stillValid)
    {
        object happened = eventType switch
        {
            nameof(ContactRecorded) => Contact("other", "jmd-caritas-luenen", "jmd-caritas-luenen", TodayInUnna, "work"),
            nameof(HistoryViewed) => Viewed("jmd-caritas-luenen", ClientPresence.Pin, Now),
            nameof(ConsentGranted) => RecordingConsent("c2"),
            nameof(ConsentWithdrawn) => Withdrawn("c1"),
            nameof(CardReissued) => Reissued(2),
            nameof(ServiceHidden) => Hidden("jmd-caritas-luenen"),
            nameof(ServiceShown) => Shown("jmd-caritas-luenen"),
            _ => throw new ArgumentOutOfRangeException(nameof(eventType)),
        };

        Assert.Equal(stillValid, RecordContactDecision.StillValid([happened]));
        Assert.Equal(stillValid, RecordContactDecision.StillValid([Viewed(Awo.Id, ClientPresence.Pin, Now), happened, Contact("x", Awo.Id, Awo.Id, TodayInUnna, "debts")]));
    }

    [Fact]
    public void A_form_with_nothing_happened_since_is_valid()
    {
        Assert.True(RecordContactDecision.StillValid([]));
    }
}
