using System.Text.Json.Serialization;
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

/// <summary>The phone coordination: whom the referring counsellor reached at the receiving service, when, and with what result.</summary>
public sealed record PhoneCoordination(string Reached, Instant CalledAt, CoordinationResult Result, string? Note);

/// <summary>
/// A counsellor referred the client to a service of another institution. Either the phone coordination is
/// logged with it, or the reason it was skipped. Names the pass, never the person; by counsellor pseudonyms.
/// </summary>
public sealed record ReferralRequested(
    string ReferralId, string PassId, string FromInstitutionId, string ToInstitutionId, string ToServiceId,
    IReadOnlyList<string> Topics, PhoneCoordination? Coordination, string? CoordinationSkippedBecause, string? Note,
    string RequestedBy, Instant RequestedAt);

/// <summary>Another call to the receiving service, logged while the referral waits for an answer.</summary>
public sealed record PhoneCoordinationLogged(string ReferralId, PhoneCoordination Coordination, string LoggedBy, Instant LoggedAt);

public sealed record ReferralAccepted(string ReferralId, string AnsweredBy, Instant AcceptedAt);

public sealed record ReferralRejected(string ReferralId, ReferralOutcome Reason, string? Note, string AnsweredBy, Instant RejectedAt);

public sealed record ReferralStarted(string ReferralId, string StartedBy, Instant StartedAt);

public sealed record ReferralCompleted(string ReferralId, ReferralOutcome Outcome, string? Note, string CompletedBy, Instant CompletedAt);

public sealed record ReferralFailed(string ReferralId, ReferralOutcome Outcome, string? Note, string FailedBy, Instant FailedAt);

/// <summary>The referring institution withdrew the referral (e.g. the client declined or went elsewhere).</summary>
public sealed record ReferralCancelled(string ReferralId, ReferralOutcome Reason, string? Note, string CancelledBy, Instant CancelledAt);
