using NodaTime;

namespace Beratungspass.Referrals;

/// <summary>
/// The state of one referral, folded from its stream: what the decisions need. Aggregated live (a referral
/// has a handful of events); what lists show is <see cref="ReferralCard"/>.
/// </summary>
public sealed partial class Referral
{
    /// <summary>The stream key, <see cref="ReferralStreams.Key"/> of <see cref="ReferralId"/>.</summary>
    public required string Id { get; set; }

    public required string ReferralId { get; set; }

    public required string PassId { get; set; }

    public required string FromInstitutionId { get; set; }

    public required string FromServiceId { get; set; }

    public required string ToInstitutionId { get; set; }

    public required string ToServiceId { get; set; }

    public ReferralStatus Status { get; set; }

    /// <summary>Set exactly when the referral is closed.</summary>
    public ReferralOutcome? Outcome { get; set; }

    public Instant RequestedAt { get; set; }

    /// <summary>When the receiving service first answered (accepted or rejected).</summary>
    public Instant? AnsweredAt { get; set; }

    public Instant? ClosedAt { get; set; }

    public int Coordinations { get; set; }

    /// <summary>The receiving side answered or reported an outcome that the referring institution has not seen yet.</summary>
    public bool ResultUnseen { get; set; }

    public long Version { get; set; }

    public bool IsClosed => IsClosedStatus(Status);

    public static bool IsClosedStatus(ReferralStatus status) =>
        status is ReferralStatus.Rejected or ReferralStatus.Cancelled or ReferralStatus.Completed or ReferralStatus.Failed;

    public static Referral Create(ReferralRequested e) => new()
    {
        Id = ReferralStreams.Key(e.ReferralId),
        ReferralId = e.ReferralId,
        PassId = e.PassId,
        FromInstitutionId = e.FromInstitutionId,
        FromServiceId = e.FromServiceId,
        ToInstitutionId = e.ToInstitutionId,
        ToServiceId = e.ToServiceId,
        Status = ReferralStatus.Requested,
        RequestedAt = e.RequestedAt,
        Coordinations = e.Coordination is null ? 0 : 1,
    };

    public void Apply(PhoneCoordinationLogged e) => Coordinations++;

    public void Apply(ReferralAccepted e)
    {
        Status = ReferralStatus.Accepted;
        AnsweredAt = e.AcceptedAt;
        ResultUnseen = true;
    }

    public void Apply(ReferralRejected e) => Close(ReferralStatus.Rejected, e.Reason, e.RejectedAt, answered: true, byReceiver: true);

    public void Apply(ReferralStarted e)
    {
        Status = ReferralStatus.InProgress;
        ResultUnseen = true;
    }

    public void Apply(ReferralCompleted e) => Close(ReferralStatus.Completed, e.Outcome, e.CompletedAt, answered: false, byReceiver: true);

    public void Apply(ReferralFailed e) => Close(ReferralStatus.Failed, e.Outcome, e.FailedAt, answered: false, byReceiver: true);

    public void Apply(ReferralCancelled e) => Close(ReferralStatus.Cancelled, e.Reason, e.CancelledAt, answered: false, byReceiver: false);

    public void Apply(ReferralResultSeen e) => ResultUnseen = false;

    private void Close(ReferralStatus status, ReferralOutcome outcome, Instant at, bool answered, bool byReceiver)
    {
        Status = status;
        Outcome = outcome;
        ClosedAt = at;
        ResultUnseen |= byReceiver;
        if (answered)
        {
            AnsweredAt ??= at;
        }
    }

    /// <summary>Waiting for the receiving service's answer longer than two working days (NRW holidays respected).</summary>
    public bool IsAnswerOverdue(Instant now, DateTimeZone zone) => Status == ReferralStatus.Requested && now > AnswerDue(RequestedAt, zone);

    /// <summary>Open without an outcome more than fourteen days after the request.</summary>
    public bool IsOutcomeOverdue(Instant now, DateTimeZone zone) => !IsClosed && now > OutcomeDue(RequestedAt, zone);

    /// <summary>When the answer is due: two working days after the request, at the same wall-clock time.</summary>
    public static Instant AnswerDue(Instant requestedAt, DateTimeZone zone) => WorkingDays.Add(requestedAt, AnswerWorkingDays, zone);

    /// <summary>When the outcome is due: fourteen calendar days after the request, at the same wall-clock time.</summary>
    public static Instant OutcomeDue(Instant requestedAt, DateTimeZone zone) =>
        requestedAt.InZone(zone).LocalDateTime.PlusDays(OutcomeDays).InZoneLeniently(zone).ToInstant();

    public const int AnswerWorkingDays = 2;

    public const int OutcomeDays = 14;
}
