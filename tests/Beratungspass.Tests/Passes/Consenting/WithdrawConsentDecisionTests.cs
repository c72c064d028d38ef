using Beratungspass.Infrastructure;
using Beratungspass.Passes;
using Beratungspass.Passes.Consenting;
using NodaTime;
using static Beratungspass.Tests.Passes.GivenEvents;

namespace Beratungspass.Tests.Passes.Consenting;

public sealed class WithdrawConsentDecisionTests
{
    private static readonly Instant Now = IssuedAt.Plus(Duration.FromDays(10));

    private static ConsentGranted Granted(string consentId) => new(SomePassId, consentId, ConsentScope.WholeNetwork, [],
        [ConsentPurpose.ShowHistory], new LocalDate(2027, 3, 1), Institution, Counsellor, IssuedAt.Plus(Duration.FromHours(1)));

    [Fact]
    public void Withdrawing_an_active_consent_records_where_by_whom_and_when()
    {
        var pass = Given(Issued(), Granted("consent-1"));

        var withdrawn = WithdrawConsentDecision.Decide(pass, new WithdrawConsent("consent-1", "jmd-caritas-luenen", "c-ffffffffff"), Now);

        Assert.Equal(new ConsentWithdrawn(SomePassId, "consent-1", "jmd-caritas-luenen", "c-ffffffffff", Now), withdrawn);
    }

    [Fact]
    public void Withdrawing_a_consent_the_pass_never_had_is_refused()
    {
        var pass = Given(Issued(), Granted("consent-1"));

        var rejected = Assert.Throws<CommandRejectedException>(() =>
            WithdrawConsentDecision.Decide(pass, new WithdrawConsent("consent-2", Institution, Counsellor), Now));

        Assert.Equal(Rejection.ConsentNotActive, rejected.Reason);
    }

    [Fact]
    public void Withdrawing_the_same_consent_twice_is_refused()
    {
        var pass = Given(Issued(), Granted("consent-1"), new ConsentWithdrawn(SomePassId, "consent-1", Institution, Counsellor, Now));

        var rejected = Assert.Throws<CommandRejectedException>(() =>
            WithdrawConsentDecision.Decide(pass, new WithdrawConsent("consent-1", Institution, Counsellor), Now.Plus(Duration.FromMinutes(1))));

        Assert.Equal(Rejection.ConsentNotActive, rejected.Reason);
    }

    [Fact]
    public void A_pass_that_does_not_exist_has_nothing_to_withdraw()
    {
        var rejected = Assert.Throws<CommandRejectedException>(() =>
            WithdrawConsentDecision.Decide(null, new WithdrawConsent("consent-1", Institution, Counsellor), Now));

        Assert.Equal(Rejection.PassNotFound, rejected.Reason);
    }
}
