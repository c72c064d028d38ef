using Beratungspass.Infrastructure;
using Beratungspass.Passes;
using Beratungspass.Passes.Consenting;
using NodaTime;
using static Beratungspass.Tests.Passes.GivenEvents;

namespace Beratungspass.Tests.Passes.Consenting;

public sealed class GrantConsentDecisionTests
{
    // 23:30 UTC on 28 March 2026 is already 00:30 on 29 March in Unna: the two calendars disagree on "today".
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 28, 23, 30);
    private static readonly LocalDate TodayInUnna = new(2026, 3, 29);
    private static readonly DateTimeZone Zone = MartenConfiguration.Zone;

    private static GrantConsent Command(
        ConsentScope scope = ConsentScope.WholeNetwork, string[]? institutions = null, ConsentPurpose[]? purposes = null, LocalDate? validUntil = null) =>
        new("consent-1", scope, institutions ?? [], purposes ?? [ConsentPurpose.ShowHistory], validUntil ?? TodayInUnna.PlusYears(1), Institution, Counsellor);

    private static CommandRejectedException Refused(GrantConsent command) =>
        Assert.Throws<CommandRejectedException>(() => GrantConsentDecision.Decide(Given(Issued()), command, Now, Zone));

    [Fact]
    public void Granting_records_scope_institutions_purposes_validity_and_who_recorded_it_when()
    {
        var validUntil = TodayInUnna.PlusMonths(6);

        var granted = GrantConsentDecision.Decide(Given(Issued()),
            Command(ConsentScope.ListedInstitutions, ["jmd-caritas-luenen"], [ConsentPurpose.ShowHistory, ConsentPurpose.Referrals], validUntil), Now, Zone);

        Assert.Equal(SomePassId, granted.PassId);
        Assert.Equal("consent-1", granted.ConsentId);
        Assert.Equal(ConsentScope.ListedInstitutions, granted.Scope);
        Assert.Equal(["jmd-caritas-luenen"], granted.InstitutionIds);
        Assert.Equal([ConsentPurpose.ShowHistory, ConsentPurpose.Referrals], granted.Purposes);
        Assert.Equal(validUntil, granted.ValidUntil);
        Assert.Equal(Institution, granted.RecordedAtInstitutionId);
        Assert.Equal(Counsellor, granted.RecordedBy);
        Assert.Equal(Now, granted.GrantedAt);
    }

    [Fact]
    public void Purposes_are_stored_once_each_in_a_fixed_order()
    {
        var granted = GrantConsentDecision.Decide(Given(Issued()),
            Command(purposes: [ConsentPurpose.Statistics, ConsentPurpose.ShowHistory, ConsentPurpose.Statistics, ConsentPurpose.Referrals]), Now, Zone);

        Assert.Equal([ConsentPurpose.ShowHistory, ConsentPurpose.Referrals, ConsentPurpose.Statistics], granted.Purposes);
    }

    [Fact]
    public void A_consent_without_any_purpose_is_refused()
    {
        Assert.Equal(Rejection.ConsentPurposesMissing, Refused(Command(purposes: [])).Reason);
    }

    public static TheoryData<string[]> NoInstitutions => new([], ["", " "]);

    [Theory]
    [MemberData(nameof(NoInstitutions))]
    public void A_consent_for_listed_institutions_needs_at_least_one_institution(string[] institutions)
    {
        Assert.Equal(Rejection.ConsentInstitutionsMissing, Refused(Command(ConsentScope.ListedInstitutions, institutions)).Reason);
    }

    [Fact]
    public void Listed_institutions_are_stored_once_each_in_order_without_blanks()
    {
        var granted = GrantConsentDecision.Decide(Given(Issued()),
            Command(ConsentScope.ListedInstitutions, ["mbe-awo-unna", " ", "jmd-caritas-luenen", "mbe-awo-unna"]), Now, Zone);

        Assert.Equal(["jmd-caritas-luenen", "mbe-awo-unna"], granted.InstitutionIds);
    }

    [Fact]
    public void A_whole_network_consent_lists_no_institutions_even_if_some_were_sent()
    {
        var granted = GrantConsentDecision.Decide(Given(Issued()), Command(ConsentScope.WholeNetwork, ["jmd-caritas-luenen"]), Now, Zone);

        Assert.Empty(granted.InstitutionIds);
    }

    [Fact]
    public void A_consent_may_end_today_in_Unna_or_up_to_two_years_ahead()
    {
        Assert.Equal(TodayInUnna, GrantConsentDecision.Decide(Given(Issued()), Command(validUntil: TodayInUnna), Now, Zone).ValidUntil);
        Assert.Equal(new LocalDate(2028, 3, 29), GrantConsentDecision.Decide(Given(Issued()), Command(validUntil: new LocalDate(2028, 3, 29)), Now, Zone).ValidUntil);
    }

    [Theory]
    [InlineData("2026-03-28")] // yesterday in Unna, although still today in UTC
    [InlineData("2025-12-31")]
    [InlineData("2028-03-30")] // two years and a day
    [InlineData("2030-01-01")]
    public void A_consent_ending_in_the_past_or_beyond_two_years_is_refused(string validUntil)
    {
        var date = NodaTime.Text.LocalDatePattern.Iso.Parse(validUntil).Value;

        Assert.Equal(Rejection.ConsentValidityOutOfRange, Refused(Command(validUntil: date)).Reason);
    }

    [Fact]
    public void Two_years_from_29_February_end_on_28_February()
    {
        var leapDay = Instant.FromUtc(2028, 2, 29, 10, 0);

        var granted = GrantConsentDecision.Decide(Given(Issued()), Command(validUntil: new LocalDate(2030, 2, 28)), leapDay, Zone);
        var refused = Assert.Throws<CommandRejectedException>(() =>
            GrantConsentDecision.Decide(Given(Issued()), Command(validUntil: new LocalDate(2030, 3, 1)), leapDay, Zone));

        Assert.Equal(new LocalDate(2030, 2, 28), granted.ValidUntil);
        Assert.Equal(Rejection.ConsentValidityOutOfRange, refused.Reason);
    }

    [Fact]
    public void A_pass_that_does_not_exist_gets_no_consent()
    {
        var rejected = Assert.Throws<CommandRejectedException>(() => GrantConsentDecision.Decide(null, Command(), Now, Zone));

        Assert.Equal(Rejection.PassNotFound, rejected.Reason);
    }
}
