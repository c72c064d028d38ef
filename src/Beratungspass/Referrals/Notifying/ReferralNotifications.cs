using NodaTime;

namespace Beratungspass.Referrals.Notifying;

/// <summary>
/// Which institution a step of a referral concerns: a request goes to the receiving institution, an answer or
/// outcome to the referrer, a withdrawal to the receiver. A further call and a seen result notify no one.
/// </summary>
public static class ReferralNotifications
{
    /// <param name="referral">The referral the event belongs to (before or after it: only its institutions are read).</param>
    /// <param name="event">The event just decided.</param>
    /// <param name="version">The referral's stream version with the event.</param>
    public static ReferralNotification? For(Referral referral, object @event, long version, Instant at)
    {
        const ReferralNotificationKind result = ReferralNotificationKind.Result;
        (ReferralNotificationKind Kind, ReferralSide Side, ReferralStatus Status, ReferralOutcome? Outcome)? told = @event switch
        {
            ReferralRequested => (ReferralNotificationKind.NewReferral, ReferralSide.Receiver, ReferralStatus.Requested, null),
            ReferralAccepted => (result, ReferralSide.Referrer, ReferralStatus.Accepted, null),
            ReferralRejected e => (result, ReferralSide.Referrer, ReferralStatus.Rejected, e.Reason),
            ReferralStarted => (result, ReferralSide.Referrer, ReferralStatus.InProgress, null),
            ReferralCompleted e => (result, ReferralSide.Referrer, ReferralStatus.Completed, e.Outcome),
            ReferralFailed e => (result, ReferralSide.Referrer, ReferralStatus.Failed, e.Outcome),
            ReferralCancelled e => (ReferralNotificationKind.Withdrawn, ReferralSide.Receiver, ReferralStatus.Cancelled, e.Reason),
            _ => null,
        };
        if (told is not { } t)
        {
            return null;
        }

        return new ReferralNotification
        {
            Id = ReferralNotification.KeyOf(referral.ReferralId, version),
            ReferralId = referral.ReferralId,
            InstitutionId = t.Side == ReferralSide.Receiver ? referral.ToInstitutionId : referral.FromInstitutionId,
            Side = t.Side,
            Kind = t.Kind,
            Status = t.Status,
            Outcome = t.Outcome,
            Version = version,
            At = at,
            Created = at.ToDateTimeOffset(),
        };
    }
}
