using NodaTime;

namespace Beratungspass.Referrals;

/// <summary>The state of one referral, folded from its stream: what the decisions need.</summary>
public sealed class Referral
{
    public required string Id { get; set; }

    public required string PassId { get; set; }

    public required string FromInstitutionId { get; set; }

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

    public long Version { get; set; }

    public bool IsClosed => IsClosedStatus(Status);

    public static bool IsClosedStatus(ReferralStatus status) =>
        status is ReferralStatus.Rejected or ReferralStatus.Cancelled or ReferralStatus.Completed or ReferralStatus.Failed;

    public static Referral Create(ReferralRequested e) => new()
    {
        Id = e.ReferralId,
        PassId = e.PassId,
        FromInstitutionId = e.FromInstitutionId,
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
    }

    public void Apply(ReferralRejected e) => Close(ReferralStatus.Rejected, e.Reason, e.RejectedAt, answered: true);

    public void Apply(ReferralStarted e) => Status = ReferralStatus.InProgress;

    public void Apply(ReferralCompleted e) => Close(ReferralStatus.Completed, e.Outcome, e.CompletedAt, answered: false);

    public void Apply(ReferralFailed e) => Close(ReferralStatus.Failed, e.Outcome, e.FailedAt, answered: false);

    public void Apply(ReferralCancelled e) => Close(ReferralStatus.Cancelled, e.Reason, e.CancelledAt, answered: false);

    private void Close(ReferralStatus status, ReferralOutcome outcome, Instant at, bool answered)
    {
        Status = status;
        Outcome = outcome;
        ClosedAt = at;
        if (answered)
        {
            AnsweredAt ??= at;
        }
    }

    /// <summary>Waiting for the receiving service's answer longer than two working days (NRW holidays respected).</summary>
    public bool IsAnswerOverdue(Instant now, DateTimeZone zone) =>
        Status == ReferralStatus.Requested && now > WorkingDays.Add(RequestedAt, AnswerWorkingDays, zone);

    /// <summary>Open without an outcome more than fourteen days after the request.</summary>
    public bool IsOutcomeOverdue(Instant now, DateTimeZone zone) =>
        !IsClosed && now > RequestedAt.InZone(zone).LocalDateTime.PlusDays(OutcomeDays).InZoneLeniently(zone).ToInstant();

    public const int AnswerWorkingDays = 2;

    public const int OutcomeDays = 14;
}
