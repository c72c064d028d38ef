using Beratungspass.Passes;
using Beratungspass.Passes.Issuing;
using NodaTime;
using static Beratungspass.Tests.Passes.GivenEvents;

namespace Beratungspass.Tests.Passes.Issuing;

public sealed class IssuePassDecisionTests
{
    [Fact]
    public void Issuing_records_code_institution_language_age_band_and_pseudonym_at_the_current_instant()
    {
        var code = PassCode.New();
        var now = Instant.FromUtc(2026, 5, 4, 7, 15);

        var issued = IssuePassDecision.Decide(new IssuePass(SomePassId, code, Institution, ClientLanguage.Uk, AgeBand.From12To17, Counsellor), now);

        Assert.Equal(new PassIssued(SomePassId, code.Value, Institution, ClientLanguage.Uk, AgeBand.From12To17, Counsellor, now), issued);
    }

    [Fact]
    public void The_event_stores_the_code_without_separators_so_lookups_match_whatever_the_counsellor_typed()
    {
        var code = PassCode.New();

        var issued = IssuePassDecision.Decide(new IssuePass(SomePassId, code, Institution, ClientLanguage.De, null, Counsellor), IssuedAt);

        Assert.Equal(PassCode.Length, issued.PassCode.Length);
        Assert.Equal(code, PassCode.Parse(issued.PassCode).Code);
    }

    [Fact]
    public void A_pass_issued_without_age_band_knows_no_age()
    {
        var issued = IssuePassDecision.Decide(new IssuePass(SomePassId, PassCode.New(), Institution, ClientLanguage.Fa, null, Counsellor), IssuedAt);

        Assert.Null(Given(issued)!.AgeBand);
    }

    [Fact]
    public void A_new_pass_starts_with_card_generation_1_and_no_consent()
    {
        var pass = Given(Issued())!;

        Assert.Equal(1, pass.Generation);
        Assert.Empty(pass.Consents);
        Assert.Equal(SomePassId, pass.Id);
        Assert.False(pass.IsCoveredBy(Institution, ConsentPurpose.ShowHistory, IssuedAt.InZone(Beratungspass.Infrastructure.MartenConfiguration.Zone).Date));
    }
}
