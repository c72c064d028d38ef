using Beratungspass.Referrals;

namespace Beratungspass.Web.Referrals;

/// <summary>How counsellor pages name a referral's states, outcomes and call results, in German and English.</summary>
public static class ReferralLabels
{
    public static (string German, string English) Of(ReferralStatus status) => status switch
    {
        ReferralStatus.Requested => ("angefragt", "requested"),
        ReferralStatus.Accepted => ("angenommen", "accepted"),
        ReferralStatus.Rejected => ("abgelehnt", "rejected"),
        ReferralStatus.Cancelled => ("zurückgezogen", "cancelled"),
        ReferralStatus.InProgress => ("in Bearbeitung", "in progress"),
        ReferralStatus.Completed => ("abgeschlossen", "completed"),
        ReferralStatus.Failed => ("nicht zustande gekommen", "failed"),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static (string German, string English) Of(ReferralOutcome outcome) => outcome switch
    {
        ReferralOutcome.CounsellingTookPlace => ("Beratung hat stattgefunden", "counselling took place"),
        ReferralOutcome.ClientDidNotCome => ("Person ist nicht gekommen", "client did not come"),
        ReferralOutcome.NotResponsible => ("nicht zuständig", "not responsible"),
        ReferralOutcome.NoCapacity => ("keine Kapazität", "no capacity"),
        ReferralOutcome.ClientDeclined => ("Person hat abgelehnt", "client declined"),
        ReferralOutcome.ReferredElsewhere => ("anderswohin vermittelt", "referred elsewhere"),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    public static (string German, string English) Of(CoordinationResult result) => result switch
    {
        CoordinationResult.Agreed => ("abgestimmt", "agreed"),
        CoordinationResult.NotReached => ("nicht erreicht", "not reached"),
        CoordinationResult.NotResponsible => ("nicht zuständig", "not responsible"),
        CoordinationResult.NoCapacity => ("keine Kapazität", "no capacity"),
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };
}
