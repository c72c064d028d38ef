using System.Text.Json.Serialization;
using Beratungspass.Passes;
using NodaTime;

namespace Beratungspass.Referrals;

/// <summary>
/// A referral's states, after HL7 FHIR Task status: requested → accepted → in-progress → completed, or
/// rejected, cancelled, failed. Rejected, cancelled, completed and failed are closed, each with an outcome.
/// </summary>
public enum ReferralStatus
{
    [JsonStringEnumMemberName("requested")] Requested,
    [JsonStringEnumMemberName("accepted")] Accepted,
    [JsonStringEnumMemberName("rejected")] Rejected,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
    [JsonStringEnumMemberName("in-progress")] InProgress,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("failed")] Failed,
}

/// <summary>What came of a referral, reported back to the referrer. Every closed referral has one.</summary>
public enum ReferralOutcome
{
    [JsonStringEnumMemberName("counselling-took-place")] CounsellingTookPlace,
    [JsonStringEnumMemberName("client-did-not-come")] ClientDidNotCome,
    [JsonStringEnumMemberName("not-responsible")] NotResponsible,
    [JsonStringEnumMemberName("no-capacity")] NoCapacity,
    [JsonStringEnumMemberName("client-declined")] ClientDeclined,
    [JsonStringEnumMemberName("referred-elsewhere")] ReferredElsewhere,
}

/// <summary>The result of the phone call to the receiving service before referring.</summary>
public enum CoordinationResult
{
    [JsonStringEnumMemberName("agreed")] Agreed,
    [JsonStringEnumMemberName("not-reached")] NotReached,
    [JsonStringEnumMemberName("not-responsible")] NotResponsible,
    [JsonStringEnumMemberName("no-capacity")] NoCapacity,
}

/// <summary>
/// The phone coordination: whom the referring counsellor reached at the receiving service (a name typed, or one of
/// the service's staff contacts, whose name is kept as it was then), when, and with what result.
/// </summary>
public sealed record PhoneCoordination(string Reached, Guid? StaffContactId, Instant CalledAt, CoordinationResult Result, string? Note);

/// <summary>
/// The client's release from professional confidentiality (Schweigepflichtentbindung), given in person for this
/// referral: which version of the release text the client read, in which language, and how they showed they were present.
/// </summary>
public sealed record ConfidentialityRelease(string TextVersion, ClientLanguage Language, ClientPresence ConfirmedBy);

/// <summary>
/// A counsellor referred the client to a service of another institution. Either the phone coordination is
/// logged with it, or the reason it was skipped. Names the pass (its id and the code printed on the card),
/// never the person; by counsellor pseudonyms. Every later event repeats the pass id, so a referral's
/// events can be found by pass (history, erasure, statistics).
/// </summary>
public sealed record ReferralRequested(
    string ReferralId, string PassId, string PassCode,
    string FromInstitutionId, string FromServiceId, string ToInstitutionId, string ToServiceId,
    IReadOnlyList<string> Topics, PhoneCoordination? Coordination, string? CoordinationSkippedBecause, string? Note,
    ConfidentialityRelease Release, string RequestedBy, Instant RequestedAt);

/// <summary>Another call to the receiving service, logged by the referrer while the referral waits for an answer.</summary>
public sealed record PhoneCoordinationLogged(string ReferralId, string PassId, PhoneCoordination Coordination, string LoggedBy, Instant LoggedAt);

/// <summary>The receiving service accepted the referral.</summary>
public sealed record ReferralAccepted(string ReferralId, string PassId, string AcceptedBy, Instant AcceptedAt);

/// <summary>The receiving service declined the referral, with a coded reason: closed.</summary>
public sealed record ReferralRejected(string ReferralId, string PassId, ReferralOutcome Reason, string? Note, string RejectedBy, Instant RejectedAt);

/// <summary>The receiving service started working with the client.</summary>
public sealed record ReferralStarted(string ReferralId, string PassId, string StartedBy, Instant StartedAt);

/// <summary>The receiving service closed the referral with its outcome.</summary>
public sealed record ReferralCompleted(string ReferralId, string PassId, ReferralOutcome Outcome, string? Note, string CompletedBy, Instant CompletedAt);

/// <summary>The accepted referral came to nothing (e.g. the client did not come): closed with the outcome.</summary>
public sealed record ReferralFailed(string ReferralId, string PassId, ReferralOutcome Outcome, string? Note, string FailedBy, Instant FailedAt);

/// <summary>The referring institution withdrew the referral (e.g. the client declined or went elsewhere): closed.</summary>
public sealed record ReferralCancelled(string ReferralId, string PassId, ReferralOutcome Reason, string? Note, string CancelledBy, Instant CancelledAt);

/// <summary>
/// The referring institution saw the receiving side's latest answer or outcome: the result reached the referrer
/// (the unread badge goes, and the statistics count results that arrived). Records what was seen.
/// </summary>
public sealed record ReferralResultSeen(string ReferralId, string PassId, ReferralStatus Status, ReferralOutcome? Outcome, string SeenBy, Instant SeenAt);
