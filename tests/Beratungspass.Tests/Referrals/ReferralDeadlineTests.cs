using NodaTime;
using static Beratungspass.Tests.Infrastructure.IntakeCalls;
using static Beratungspass.Tests.Referrals.ReferralCalls;

namespace Beratungspass.Tests.Referrals;

/// <summary>Overdue referrals as both institutions see them, with the app's clock moved forward.</summary>
public sealed class ReferralDeadlineTests(ClockedAppHost host) : IClassFixture<ClockedAppHost>
{
    [Fact]
    public async Task A_referral_without_an_answer_is_flagged_after_two_working_days_and_without_an_outcome_after_fourteen_days()
    {
        var awo = await host.DeskAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        // The consent runs a year by the real clock; the app's clock goes at most a few weeks ahead of it here.
        var ready = await ReadyAsync(awo);
        var requested = await RequestedAsync(awo, Body(ready.Pass.CodeValue, ready.PresenceToken, clock: host.Clock));
        var id = IdOf(requested);
        var answerDue = InstantPattern(requested.GetProperty("answerDue").GetString()!);
        Assert.False(requested.GetProperty("answerOverdue").GetBoolean());

        // Two working days may span a weekend and two holidays (Easter): eight days are always past the answer's deadline.
        host.Clock.Advance(Duration.FromDays(8));
        var outbox = Find(await GetAsync(awo, "/api/v1/referrals/outbox"), id)!.Value;
        var inbox = Find(await GetAsync(jmd, "/api/v1/referrals/inbox"), id)!.Value;
        Assert.True(host.Clock.GetCurrentInstant() > answerDue);
        Assert.True(outbox.GetProperty("answerOverdue").GetBoolean());
        Assert.True(inbox.GetProperty("answerOverdue").GetBoolean());
        Assert.False(outbox.GetProperty("outcomeOverdue").GetBoolean());

        var accepted = await SteppedAsync(jmd, id, "acceptance", new { expectedVersion = VersionOf(inbox) });
        Assert.False(accepted.GetProperty("answerOverdue").GetBoolean());

        host.Clock.Advance(Duration.FromDays(7));
        outbox = Find(await GetAsync(awo, "/api/v1/referrals/outbox"), id)!.Value;
        Assert.True(outbox.GetProperty("outcomeOverdue").GetBoolean());
        // Fourteen days on the wall clock in Unna, across a change to or from summer time too.
        Assert.Equal(Local(requested, "requestedAt").PlusDays(14), Local(outbox, "outcomeDue"));

        var completed = await SteppedAsync(jmd, id, "completion", new { expectedVersion = VersionOf(outbox), outcome = "client-did-not-come" });
        Assert.False(completed.GetProperty("outcomeOverdue").GetBoolean());
    }

    private static Instant InstantPattern(string text) => NodaTime.Text.InstantPattern.ExtendedIso.Parse(text).Value;

    private static LocalDateTime Local(System.Text.Json.JsonElement referral, string property) =>
        InstantPattern(referral.GetProperty(property).GetString()!).InZone(Beratungspass.Infrastructure.MartenConfiguration.Zone).LocalDateTime;
}
