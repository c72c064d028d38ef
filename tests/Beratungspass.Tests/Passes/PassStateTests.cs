using Beratungspass.Passes;
using NodaTime;
using static Beratungspass.Tests.Passes.GivenEvents;

namespace Beratungspass.Tests.Passes;

public sealed class PassStateTests
{
    private static readonly LocalDate Today = new(2026, 6, 1);
    private static readonly LocalDate LastValidDay = new(2026, 12, 31);

    private static ConsentGranted Granted(string consentId, ConsentScope scope, string[] institutions, params ConsentPurpose[] purposes) =>
        new(SomePassId, consentId, scope, institutions, purposes, LastValidDay, Institution, Counsellor, IssuedAt.Plus(Duration.FromHours(1)));

    private static ConsentWithdrawn Withdrawn(string consentId) =>
        new(SomePassId, consentId, Institution, Counsellor, IssuedAt.Plus(Duration.FromDays(3)));

    [Fact]
    public void A_whole_network_consent_covers_every_institution_for_its_purposes_only()
    {
        var pass = Given(Issued(), Granted("c1", ConsentScope.WholeNetwork, [], ConsentPurpose.ShowHistory, ConsentPurpose.Referrals))!;

        Assert.True(pass.IsCoveredBy("jmd-caritas-luenen", ConsentPurpose.ShowHistory, Today));
        Assert.True(pass.IsCoveredBy("auslaenderbehoerde-unna", ConsentPurpose.Referrals, Today));
        Assert.False(pass.IsCoveredBy("jmd-caritas-luenen", ConsentPurpose.Statistics, Today));
        Assert.False(pass.IsCoveredBy("jmd-caritas-luenen", ConsentPurpose.RecordContacts, Today));
    }

    [Fact]
    public void A_consent_for_listed_institutions_covers_no_other_institution()
    {
        var pass = Given(Issued(), Granted("c1", ConsentScope.ListedInstitutions, ["jmd-caritas-luenen"], ConsentPurpose.ShowHistory))!;

        Assert.True(pass.IsCoveredBy("jmd-caritas-luenen", ConsentPurpose.ShowHistory, Today));
        Assert.False(pass.IsCoveredBy("mbe-awo-unna", ConsentPurpose.ShowHistory, Today));
    }

    [Fact]
    public void A_consent_covers_through_its_last_valid_day_and_not_a_day_longer()
    {
        var pass = Given(Issued(), Granted("c1", ConsentScope.WholeNetwork, [], ConsentPurpose.ShowHistory))!;

        Assert.True(pass.IsCoveredBy("jmd-caritas-luenen", ConsentPurpose.ShowHistory, LastValidDay));
        Assert.False(pass.IsCoveredBy("jmd-caritas-luenen", ConsentPurpose.ShowHistory, LastValidDay.PlusDays(1)));
    }

    [Fact]
    public void A_withdrawn_consent_covers_no_one_while_the_other_consents_stay_in_force()
    {
        var pass = Given(Issued(),
            Granted("c1", ConsentScope.WholeNetwork, [], ConsentPurpose.ShowHistory),
            Granted("c2", ConsentScope.ListedInstitutions, ["jmd-caritas-luenen"], ConsentPurpose.Referrals),
            Withdrawn("c1"))!;

        Assert.False(pass.IsCoveredBy("jmd-caritas-luenen", ConsentPurpose.ShowHistory, Today));
        Assert.True(pass.IsCoveredBy("jmd-caritas-luenen", ConsentPurpose.Referrals, Today));
        Assert.Equal(IssuedAt.Plus(Duration.FromDays(3)), pass.Consents.Single(c => c.ConsentId == "c1").WithdrawnAt);
        Assert.Null(pass.Consents.Single(c => c.ConsentId == "c2").WithdrawnAt);
    }

    [Fact]
    public void Two_consents_for_the_same_purpose_keep_covering_after_one_is_withdrawn()
    {
        var pass = Given(Issued(),
            Granted("c1", ConsentScope.WholeNetwork, [], ConsentPurpose.ShowHistory),
            Granted("c2", ConsentScope.WholeNetwork, [], ConsentPurpose.ShowHistory),
            Withdrawn("c2"))!;

        Assert.True(pass.IsCoveredBy("mbe-awo-unna", ConsentPurpose.ShowHistory, Today));
    }

    [Fact]
    public void Reissuing_a_card_changes_its_generation_and_nothing_else()
    {
        var before = Given(Issued(), Granted("c1", ConsentScope.WholeNetwork, [], ConsentPurpose.ShowHistory))!;

        var after = before.Apply(new CardReissued(SomePassId, 2, "jmd-caritas-luenen", "c-ffffffffff", IssuedAt.Plus(Duration.FromDays(5))));

        Assert.Equal(2, after.Generation);
        Assert.Equal(1, before.Generation);
        Assert.Equal(before with { Generation = 2 }, after);
    }

    [Fact]
    public void The_issued_event_fixes_code_institution_language_and_age_band()
    {
        var pass = Given(Issued())!;

        Assert.Equal(new Pass(SomePassId, "DEM2KARTS", Institution, ClientLanguage.Ar, AgeBand.From27To44, 1, pass.Consents, pass.ContactIds, pass.HiddenServiceIds), pass);
        Assert.Empty(pass.ContactIds);
        Assert.Empty(pass.HiddenServiceIds);
    }

    [Fact]
    public void Recorded_contacts_are_remembered_by_id_so_a_replayed_form_is_recognised()
    {
        var pass = Given(Issued(),
            Contact("k1", Institution, Institution, Today, "housing"),
            Contact("k2", "jmd-caritas-luenen", "jmd-caritas-luenen", Today, "work"))!;

        Assert.Equal(["k1", "k2"], pass.ContactIds);
    }

    [Fact]
    public void A_hidden_service_is_listed_once_however_often_it_is_hidden_and_leaves_the_list_when_shown()
    {
        var hidden = Given(Issued(), Hidden("psz-unna-counselling"), Hidden("mbe-awo-unna"), Hidden("psz-unna-counselling"))!;
        var shown = hidden.Apply(Shown("psz-unna-counselling"));

        Assert.Equal(["psz-unna-counselling", "mbe-awo-unna"], hidden.HiddenServiceIds);
        Assert.Equal(["mbe-awo-unna"], shown.HiddenServiceIds);
    }
}
