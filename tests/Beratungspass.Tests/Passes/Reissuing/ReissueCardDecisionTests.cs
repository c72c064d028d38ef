using Beratungspass.Infrastructure;
using Beratungspass.Passes;
using Beratungspass.Passes.Reissuing;
using NodaTime;
using static Beratungspass.Tests.Passes.GivenEvents;

namespace Beratungspass.Tests.Passes.Reissuing;

public sealed class ReissueCardDecisionTests
{
    private static readonly Instant Now = IssuedAt.Plus(Duration.FromDays(30));

    [Fact]
    public void Reissuing_the_first_card_hands_out_generation_2()
    {
        var pass = Given(Issued());

        var reissued = ReissueCardDecision.Decide(pass, new ReissueCard("jmd-caritas-luenen", "c-ffffffffff"), Now);

        Assert.Equal(new CardReissued(SomePassId, 2, "jmd-caritas-luenen", "c-ffffffffff", Now), reissued);
    }

    [Fact]
    public void Each_reissue_counts_one_generation_up_from_the_current_card()
    {
        var pass = Given(
            Issued(),
            new CardReissued(SomePassId, 2, Institution, Counsellor, IssuedAt.Plus(Duration.FromDays(1))),
            new CardReissued(SomePassId, 3, Institution, Counsellor, IssuedAt.Plus(Duration.FromDays(2))));

        var reissued = ReissueCardDecision.Decide(pass, new ReissueCard(Institution, Counsellor), Now);

        Assert.Equal(4, reissued.Generation);
        Assert.Equal(4, Given(Issued(),
            new CardReissued(SomePassId, 2, Institution, Counsellor, IssuedAt),
            new CardReissued(SomePassId, 3, Institution, Counsellor, IssuedAt),
            reissued)!.Generation);
    }

    [Fact]
    public void A_pass_that_does_not_exist_gets_no_card()
    {
        var rejected = Assert.Throws<CommandRejectedException>(() => ReissueCardDecision.Decide(null, new ReissueCard(Institution, Counsellor), Now));

        Assert.Equal(Rejection.PassNotFound, rejected.Reason);
    }
}
