using Beratungspass.Referrals;
using Beratungspass.Referrals.Notifying;
using NodaTime;

namespace Beratungspass.Tests.Referrals.Notifying;

/// <summary>Whom a referral step notifies, and how long a failed mail waits.</summary>
public sealed class ReferralNotificationRulesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);

    private static readonly Referral Requested = new()
    {
        Id = "referral:r1", ReferralId = "r1", PassId = "p1", FromInstitutionId = "from", FromServiceId = "from-s",
        ToInstitutionId = "to", ToServiceId = "to-s", Status = ReferralStatus.Requested, RequestedAt = Now,
    };

    [Fact]
    public void Requests_and_withdrawals_tell_the_receiver_answers_and_outcomes_the_referrer_calls_and_seen_results_no_one()
    {
        var told = new object[]
            {
                new ReferralAccepted("r1", "p1", "b", Now), new ReferralRejected("r1", "p1", ReferralOutcome.NoCapacity, null, "b", Now),
                new ReferralStarted("r1", "p1", "b", Now), new ReferralCompleted("r1", "p1", ReferralOutcome.CounsellingTookPlace, null, "b", Now),
                new ReferralFailed("r1", "p1", ReferralOutcome.ClientDidNotCome, null, "b", Now),
                new ReferralCancelled("r1", "p1", ReferralOutcome.ClientDeclined, null, "a", Now),
                new ReferralResultSeen("r1", "p1", ReferralStatus.Accepted, null, "a", Now),
            }
            .Select((e, i) => ReferralNotifications.For(Requested, e, i + 2, Now))
            .Select(n => n is null ? null : $"{n.InstitutionId} {n.Kind} {n.Status} {n.Outcome} {n.Id}")
            .ToList();

        Assert.Equal(
            [
                "from Result Accepted  r1:2", "from Result Rejected NoCapacity r1:3", "from Result InProgress  r1:4",
                "from Result Completed CounsellingTookPlace r1:5", "from Result Failed ClientDidNotCome r1:6",
                "to Withdrawn Cancelled ClientDeclined r1:7", null,
            ],
            told);
    }

    [Fact]
    public void A_failed_mail_waits_twice_as_long_each_time_up_to_the_longest_wait()
    {
        var waits = Enumerable.Range(1, 8).Select(a => NotificationMail.Backoff(a, Duration.FromSeconds(30), Duration.FromMinutes(10)).TotalSeconds);
        Assert.Equal([30, 60, 120, 240, 480, 600, 600, 600], waits);
    }
}
