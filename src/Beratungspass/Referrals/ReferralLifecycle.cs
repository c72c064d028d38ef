using Beratungspass.Infrastructure;
using NodaTime;

namespace Beratungspass.Referrals;

/// <summary>Which side of a referral a counsellor acts for.</summary>
public enum ReferralSide
{
    Referrer,
    Receiver,
}

/// <summary>What happens to a referral after it was requested. Commands are imperative; each names who acts.</summary>
public abstract record ReferralCommand(string InstitutionId, string By);

public sealed record AcceptReferral(string InstitutionId, string By) : ReferralCommand(InstitutionId, By);

public sealed record RejectReferral(string InstitutionId, string By, ReferralOutcome Reason, string? Note) : ReferralCommand(InstitutionId, By);

public sealed record StartReferral(string InstitutionId, string By) : ReferralCommand(InstitutionId, By);

public sealed record CompleteReferral(string InstitutionId, string By, ReferralOutcome Outcome, string? Note) : ReferralCommand(InstitutionId, By);

public sealed record FailReferral(string InstitutionId, string By, ReferralOutcome Outcome, string? Note) : ReferralCommand(InstitutionId, By);

public sealed record CancelReferral(string InstitutionId, string By, ReferralOutcome Reason, string? Note) : ReferralCommand(InstitutionId, By);

public sealed record LogCoordination(string InstitutionId, string By, PhoneCoordination Coordination) : ReferralCommand(InstitutionId, By);

/// <summary>
/// The referral's state machine, after HL7 FHIR Task: the receiving institution accepts or rejects a
/// requested referral, may mark it in progress, and completes or fails it with an outcome; the referring
/// institution may cancel it while it is open, or log another call while it waits for an answer. A closed
/// referral takes no command, and nothing closes a referral without an outcome.
/// </summary>
public static class ReferralLifecycle
{
    public const int NoteLength = 1000;

    /// <summary>Rejection reasons: the receiving service is not the right one, or is full, or sent the client on.</summary>
    public static IReadOnlySet<ReferralOutcome> RejectionReasons { get; } =
        new HashSet<ReferralOutcome> { ReferralOutcome.NotResponsible, ReferralOutcome.NoCapacity, ReferralOutcome.ReferredElsewhere };

    /// <summary>Why a referrer withdraws a referral.</summary>
    public static IReadOnlySet<ReferralOutcome> CancellationReasons { get; } =
        new HashSet<ReferralOutcome> { ReferralOutcome.ClientDeclined, ReferralOutcome.ReferredElsewhere, ReferralOutcome.ClientDidNotCome };

    public static object Decide(Referral referral, ReferralCommand command, Instant now)
    {
        if (referral.IsClosed)
        {
            throw new CommandRejectedException(Rejection.ReferralClosed, referral.Status.ToString());
        }

        var side = SideOf(referral, command.InstitutionId);
        if (command.Note() is { Length: > NoteLength })
        {
            throw new CommandRejectedException(Rejection.ReferralNoteTooLong);
        }

        if (side != Expected(command))
        {
            throw new CommandRejectedException(Rejection.ReferralNotYours);
        }

        if (!AllowedIn(command, referral.Status))
        {
            throw new CommandRejectedException(Rejection.ReferralTransitionInvalid, $"{referral.Status} → {command.GetType().Name}");
        }

        var id = referral.ReferralId;
        var pass = referral.PassId;
        return command switch
        {
            AcceptReferral => new ReferralAccepted(id, pass, command.By, now),
            RejectReferral c when RejectionReasons.Contains(c.Reason) => new ReferralRejected(id, pass, c.Reason, Blank(c.Note), command.By, now),
            StartReferral => new ReferralStarted(id, pass, command.By, now),
            CompleteReferral c when Enum.IsDefined(c.Outcome) => new ReferralCompleted(id, pass, c.Outcome, Blank(c.Note), command.By, now),
            FailReferral c when Enum.IsDefined(c.Outcome) && c.Outcome != ReferralOutcome.CounsellingTookPlace =>
                new ReferralFailed(id, pass, c.Outcome, Blank(c.Note), command.By, now),
            CancelReferral c when CancellationReasons.Contains(c.Reason) => new ReferralCancelled(id, pass, c.Reason, Blank(c.Note), command.By, now),
            LogCoordination c => new PhoneCoordinationLogged(id, pass, c.Coordination, command.By, now),
            _ => throw new CommandRejectedException(Rejection.ReferralOutcomeInvalid),
        };
    }

    /// <summary>
    /// Whether an answer built on an earlier version of the referral may still be given: the referrer having seen a
    /// result changes nothing the answering side looked at; any other event does ("changed meanwhile").
    /// </summary>
    public static bool StillValid(IEnumerable<object> eventsSinceForm) => eventsSinceForm.All(e => e is ReferralResultSeen);

    /// <summary>
    /// The referring institution saw the receiving side's latest answer or outcome. Nothing to record when there is
    /// nothing unseen (opening the outbox twice records once); only the referring institution marks its results seen.
    /// </summary>
    public static ReferralResultSeen? MarkResultSeen(Referral referral, string institutionId, string by, Instant now)
    {
        if (institutionId != referral.FromInstitutionId)
        {
            throw new CommandRejectedException(Rejection.ReferralNotYours);
        }

        return referral.ResultUnseen ? new ReferralResultSeen(referral.ReferralId, referral.PassId, referral.Status, referral.Outcome, by, now) : null;
    }

    private static string? Blank(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    /// <summary>The FHIR Task transitions: which command each open state takes.</summary>
    private static bool AllowedIn(ReferralCommand command, ReferralStatus status) => (command, status) switch
    {
        (AcceptReferral or RejectReferral or LogCoordination, ReferralStatus.Requested) => true,
        (StartReferral, ReferralStatus.Accepted) => true,
        (CompleteReferral or FailReferral, ReferralStatus.Accepted or ReferralStatus.InProgress) => true,
        (CancelReferral, _) => true,
        _ => false,
    };

    private static ReferralSide Expected(ReferralCommand command) =>
        command is CancelReferral or LogCoordination ? ReferralSide.Referrer : ReferralSide.Receiver;

    private static ReferralSide SideOf(Referral referral, string institutionId) =>
        institutionId == referral.ToInstitutionId ? ReferralSide.Receiver
        : institutionId == referral.FromInstitutionId ? ReferralSide.Referrer
        : throw new CommandRejectedException(Rejection.ReferralNotYours);

    private static string? Note(this ReferralCommand command) => command switch
    {
        RejectReferral c => c.Note,
        CompleteReferral c => c.Note,
        FailReferral c => c.Note,
        CancelReferral c => c.Note,
        LogCoordination c => c.Coordination.Note,
        _ => null,
    };
}
