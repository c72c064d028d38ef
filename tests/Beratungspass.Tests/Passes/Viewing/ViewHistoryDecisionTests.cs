using Beratungspass.Infrastructure;
using Beratungspass.Passes;
using Beratungspass.Passes.Viewing;
using NodaTime;
using static Beratungspass.Tests.Passes.GivenEvents;

namespace Beratungspass.Tests.Passes.Viewing;

public sealed class ViewHistoryDecisionTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 10, 8, 15);
    private static readonly DateTimeZone Zone = MartenConfiguration.Zone;
    private static readonly LocalDate ValidUntil = new(2026, 12, 31);

    private static ViewHistory AtJmd(ClientPresence presence = ClientPresence.Pin) =>
        new("jmd-caritas-luenen", "c-5f6e7d8c9b", ViewPurpose.Intake, presence);

    private static Rejection RefusalOf(Pass? pass, Instant? now = null) =>
        Assert.Throws<CommandRejectedException>(() => ViewHistoryDecision.Decide(pass, AtJmd(), now ?? Now, Zone)).Reason;

    [Theory]
    [InlineData(ClientPresence.Pin)]
    [InlineData(ClientPresence.PhoneCode)]
    public void Each_display_is_recorded_with_institution_counsellor_purpose_presence_and_time(ClientPresence presence)
    {
        var pass = Given(Issued(), Granted("c1", ConsentScope.WholeNetwork, [], ValidUntil, ConsentPurpose.ShowHistory));

        var viewed = ViewHistoryDecision.Decide(pass, AtJmd(presence), Now, Zone);

        Assert.Equal(new HistoryViewed(SomePassId, "jmd-caritas-luenen", "c-5f6e7d8c9b", ViewPurpose.Intake, presence, Now), viewed);
    }

    [Fact]
    public void Without_any_consent_the_history_is_not_shown()
    {
        Assert.Equal(Rejection.ConsentMissing, RefusalOf(Given(Issued())));
    }

    [Fact]
    public void A_consent_to_record_contacts_and_refer_does_not_show_the_history()
    {
        var pass = Given(Issued(), Granted("c1", ConsentScope.WholeNetwork, [], ValidUntil, ConsentPurpose.RecordContacts, ConsentPurpose.Referrals, ConsentPurpose.Statistics));

        Assert.Equal(Rejection.ConsentMissing, RefusalOf(pass));
    }

    [Fact]
    public void A_consent_for_listed_institutions_shows_the_history_to_those_only()
    {
        var forAwo = Given(Issued(), Granted("c1", ConsentScope.ListedInstitutions, ["mbe-awo-unna"], ValidUntil, ConsentPurpose.ShowHistory));
        var forJmd = Given(Issued(), Granted("c1", ConsentScope.ListedInstitutions, ["jmd-caritas-luenen"], ValidUntil, ConsentPurpose.ShowHistory));

        Assert.Equal(Rejection.ConsentMissing, RefusalOf(forAwo));
        Assert.Equal("jmd-caritas-luenen", ViewHistoryDecision.Decide(forJmd, AtJmd(), Now, Zone).InstitutionId);
    }

    [Fact]
    public void A_withdrawn_consent_shows_nothing_from_then_on()
    {
        Assert.Equal(Rejection.ConsentMissing, RefusalOf(Given(Issued(), Granted("c1", ConsentScope.WholeNetwork, [], ValidUntil, ConsentPurpose.ShowHistory), Withdrawn("c1"))));
    }

    [Fact]
    public void A_consent_ends_at_midnight_in_Unna_not_at_midnight_UTC()
    {
        var pass = Given(Issued(), Granted("c1", ConsentScope.WholeNetwork, [], new LocalDate(2026, 3, 28), ConsentPurpose.ShowHistory));

        var lateOnTheLastDay = ViewHistoryDecision.Decide(pass, AtJmd(), Instant.FromUtc(2026, 3, 28, 22, 59), Zone); // 23:59 in Unna
        var justAfterMidnight = RefusalOf(pass, Instant.FromUtc(2026, 3, 28, 23, 0)); // 00:00 on the 29th in Unna, 23:00 on the 28th in UTC

        Assert.Equal("jmd-caritas-luenen", lateOnTheLastDay.InstitutionId);
        Assert.Equal(Rejection.ConsentMissing, justAfterMidnight);
    }

    [Fact]
    public void A_pass_that_does_not_exist_shows_nothing()
    {
        Assert.Equal(Rejection.PassNotFound, RefusalOf(null));
    }
}
