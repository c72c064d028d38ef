namespace Beratungspass.Infrastructure;

/// <summary>Why a command was refused. The host turns each into a 4xx problem document.</summary>
public enum Rejection
{
    PassNotFound,
    PinTooWeak,
    ConsentPurposesMissing,
    ConsentInstitutionsMissing,
    ConsentValidityOutOfRange,
    ConsentNotActive,
    ConsentMissing,
    ServiceNotOfInstitution,
    ContactDateInFuture,
    ContactDateTooOld,
    TopicsMissing,
    TopicUnknown,
    ChangedMeanwhile,
    ServiceNotUsed,
    PinMissing,
    PinWrong,
    PinLocked,
    PresenceRequired,
    OrganizationNotFound,
    OrganizationRetired,
    OrganizationHasActiveServices,
    ServiceNotFound,
    ServiceRetired,
    DirectoryIdTaken,
    DirectoryIdInvalid,
    RetireInsteadOfDefunct,
    ReferralClosed,
    ReferralNotYours,
    ReferralTransitionInvalid,
    ReferralOutcomeInvalid,
    ReferralNoteTooLong,
    ReferralIdInvalid,
    ReferralIdTaken,
    ReferralNotFound,
    ReferralToOwnInstitution,
    ReferringServiceNotYours,
    ServiceNotActive,
    ReleaseMissing,
    ReleaseTextOutdated,
    CoordinationMissing,
    CoordinationInvalid,
}

/// <summary>A decision refused its command; nothing was written.</summary>
public sealed class CommandRejectedException(Rejection reason, string? detail = null)
    : Exception($"{reason}{(detail is null ? "" : ": " + detail)}")
{
    public Rejection Reason { get; } = reason;

    public string? Detail { get; } = detail;
}
