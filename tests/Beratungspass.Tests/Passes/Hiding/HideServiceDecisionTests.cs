using Beratungspass.Infrastructure;
using Beratungspass.Passes;
using Beratungspass.Passes.Hiding;
using NodaTime;
using static Beratungspass.Tests.Passes.GivenEvents;

namespace Beratungspass.Tests.Passes.Hiding;

public sealed class HideServiceDecisionTests
{
    private static readonly Instant Now = IssuedAt.Plus(Duration.FromDays(20));
    private static readonly string[] Used = ["mbe-awo-unna", "psz-unna-counselling"];

    [Fact]
    public void Hiding_a_used_service_records_which_and_when()
    {
        var hidden = HideServiceDecision.Decide(Given(Issued()), Used, new HideService("psz-unna-counselling", Hide: true), Now);

        Assert.Equal(new ServiceHidden(SomePassId, "psz-unna-counselling", Now), hidden);
    }

    [Fact]
    public void Showing_a_hidden_service_again_records_which_and_when()
    {
        var shown = HideServiceDecision.Decide(Given(Issued(), Hidden("psz-unna-counselling")), Used, new HideService("psz-unna-counselling", Hide: false), Now);

        Assert.Equal(new ServiceShown(SomePassId, "psz-unna-counselling", Now), shown);
    }

    [Fact]
    public void Hiding_a_hidden_service_or_showing_a_visible_one_records_nothing()
    {
        var hidden = Given(Issued(), Hidden("psz-unna-counselling"));

        Assert.Null(HideServiceDecision.Decide(hidden, Used, new HideService("psz-unna-counselling", Hide: true), Now));
        Assert.Null(HideServiceDecision.Decide(hidden, Used, new HideService("mbe-awo-unna", Hide: false), Now));
    }

    [Fact]
    public void A_service_shown_again_can_be_hidden_again()
    {
        var pass = Given(Issued(), Hidden("psz-unna-counselling"), Shown("psz-unna-counselling"));

        Assert.IsType<ServiceHidden>(HideServiceDecision.Decide(pass, Used, new HideService("psz-unna-counselling", Hide: true), Now));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_service_the_pass_never_used_cannot_be_hidden_or_shown(bool hide)
    {
        var rejected = Assert.Throws<CommandRejectedException>(() =>
            HideServiceDecision.Decide(Given(Issued()), Used, new HideService("jmd-caritas-luenen", hide), Now));

        Assert.Equal(Rejection.ServiceNotUsed, rejected.Reason);
    }

    [Fact]
    public void A_pass_that_does_not_exist_hides_nothing()
    {
        var rejected = Assert.Throws<CommandRejectedException>(() => HideServiceDecision.Decide(null, Used, new HideService("mbe-awo-unna", true), Now));

        Assert.Equal(Rejection.PassNotFound, rejected.Reason);
    }
}
