using Marten.Events.Aggregation;
using NodaTime;

namespace Beratungspass.Referrals;

/// <summary>
/// One referral as the receiving institution's inbox, the referrer's outbox and the pass history show it: the pass
/// code, topics, who referred whom where, the calls before, the state and the outcome — never the client's history
/// and nothing about the person. One document per referral, kept inline; found by either institution or by pass.
/// </summary>
public sealed class ReferralCard
{
    /// <summary>The stream key, <see cref="ReferralStreams.Key"/> of <see cref="ReferralId"/>.</summary>
    public required string Id { get; set; }

    public required string ReferralId { get; set; }

    /// <summary>Server side only: lets the pass history find the referrals of a pass. Never sent out.</summary>
    public required string PassId { get; set; }

    /// <summary>The code printed on the card, as the receiving service sees it when the client comes.</summary>
    public required string PassCode { get; set; }

    public required string FromInstitutionId { get; set; }

    public required string FromServiceId { get; set; }

    public required string ToInstitutionId { get; set; }

    public required string ToServiceId { get; set; }

    public List<string> Topics { get; set; } = [];

    /// <summary>Every call to the receiving service, the one before the referral first.</summary>
    public List<PhoneCoordination> Coordinations { get; set; } = [];

    public string? CoordinationSkippedBecause { get; set; }

    public string? Note { get; set; }

    public required ConfidentialityRelease Release { get; set; }

    public string RequestedBy { get; set; } = "";

    public ReferralStatus Status { get; set; }

    /// <summary>False once rejected, cancelled, completed or failed: what lists filter on (the status is stored as its FHIR code).</summary>
    public bool Open { get; set; } = true;

    public ReferralOutcome? Outcome { get; set; }

    /// <summary>The note that came with the rejection, cancellation or outcome.</summary>
    public string? OutcomeNote { get; set; }

    public Instant RequestedAt { get; set; }

    public Instant? AnsweredAt { get; set; }

    public Instant? ClosedAt { get; set; }

    public Instant LastChangedAt { get; set; }

    /// <summary>The receiving side answered or reported an outcome the referring institution has not seen yet: the unread badge.</summary>
    public bool ResultUnseen { get; set; }

    public Instant? ResultSeenAt { get; set; }

    /// <summary>The stream version: answers carry it as their expected version.</summary>
    public long Version { get; set; }

    /// <summary>When the card was last written (Marten's last-modified column): lists pick their latest closed referrals by it in SQL.</summary>
    public DateTimeOffset StoredAt { get; set; }

    /// <summary>The same rule as <see cref="Referral.IsAnswerOverdue"/>, for lists.</summary>
    public bool IsAnswerOverdue(Instant now, DateTimeZone zone) => Status == ReferralStatus.Requested && now > Referral.AnswerDue(RequestedAt, zone);

    /// <summary>The same rule as <see cref="Referral.IsOutcomeOverdue"/>, for lists.</summary>
    public bool IsOutcomeOverdue(Instant now, DateTimeZone zone) => Open && now > Referral.OutcomeDue(RequestedAt, zone);
}

public sealed partial class ReferralCardProjection : SingleStreamProjection<ReferralCard, string>
{
    public static ReferralCard Create(ReferralRequested e) => new()
    {
        Id = ReferralStreams.Key(e.ReferralId),
        ReferralId = e.ReferralId,
        PassId = e.PassId,
        PassCode = e.PassCode,
        FromInstitutionId = e.FromInstitutionId,
        FromServiceId = e.FromServiceId,
        ToInstitutionId = e.ToInstitutionId,
        ToServiceId = e.ToServiceId,
        Topics = [.. e.Topics],
        Coordinations = e.Coordination is null ? [] : [e.Coordination],
        CoordinationSkippedBecause = e.CoordinationSkippedBecause,
        Note = e.Note,
        Release = e.Release,
        RequestedBy = e.RequestedBy,
        Status = ReferralStatus.Requested,
        RequestedAt = e.RequestedAt,
        LastChangedAt = e.RequestedAt,
    };

    public static void Apply(PhoneCoordinationLogged e, ReferralCard card)
    {
        card.Coordinations.Add(e.Coordination);
        card.LastChangedAt = e.LoggedAt;
    }

    public static void Apply(ReferralAccepted e, ReferralCard card)
    {
        card.Status = ReferralStatus.Accepted;
        card.AnsweredAt = e.AcceptedAt;
        Changed(card, e.AcceptedAt, byReceiver: true);
    }

    public static void Apply(ReferralRejected e, ReferralCard card)
    {
        card.AnsweredAt ??= e.RejectedAt;
        Close(card, ReferralStatus.Rejected, e.Reason, e.Note, e.RejectedAt, byReceiver: true);
    }

    public static void Apply(ReferralStarted e, ReferralCard card)
    {
        card.Status = ReferralStatus.InProgress;
        Changed(card, e.StartedAt, byReceiver: true);
    }

    public static void Apply(ReferralCompleted e, ReferralCard card) =>
        Close(card, ReferralStatus.Completed, e.Outcome, e.Note, e.CompletedAt, byReceiver: true);

    public static void Apply(ReferralFailed e, ReferralCard card) =>
        Close(card, ReferralStatus.Failed, e.Outcome, e.Note, e.FailedAt, byReceiver: true);

    public static void Apply(ReferralCancelled e, ReferralCard card) =>
        Close(card, ReferralStatus.Cancelled, e.Reason, e.Note, e.CancelledAt, byReceiver: false);

    public static void Apply(ReferralResultSeen e, ReferralCard card)
    {
        card.ResultUnseen = false;
        card.ResultSeenAt = e.SeenAt;
    }

    private static void Close(ReferralCard card, ReferralStatus status, ReferralOutcome outcome, string? note, Instant at, bool byReceiver)
    {
        card.Status = status;
        card.Open = false;
        card.Outcome = outcome;
        card.OutcomeNote = note;
        card.ClosedAt = at;
        Changed(card, at, byReceiver);
    }

    private static void Changed(ReferralCard card, Instant at, bool byReceiver)
    {
        card.LastChangedAt = at;
        card.ResultUnseen |= byReceiver;
    }
}
