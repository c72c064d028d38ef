using Beratungspass.Infrastructure;
using Beratungspass.Institutions;
using Beratungspass.Passes;
using Beratungspass.Referrals.Coordinating;
using Beratungspass.ServiceDirectory;
using Beratungspass.Topics;
using NodaTime;

namespace Beratungspass.Referrals.Requesting;

/// <summary>Refer the client, who is present, from a service of the counsellor's institution to a service of another institution.</summary>
/// <param name="ReferralId">Drawn when the form is shown (or by the caller's system), so a request sent twice creates one referral.</param>
/// <param name="Coordination">The phone call before referring: the normal path.</param>
/// <param name="CoordinationSkippedBecause">Why there was no call; required exactly when there is no coordination.</param>
/// <param name="Release">The client's release from confidentiality, given in person for this referral.</param>
public sealed record RequestReferral(
    string ReferralId,
    string FromServiceId,
    string ToServiceId,
    IReadOnlyList<string> Topics,
    PhoneCoordination? Coordination,
    string? CoordinationSkippedBecause,
    string? Note,
    ConfidentialityRelease? Release,
    string RequestedBy);

public static class RequestReferralDecision
{
    /// <summary>
    /// The rules of a referral: the client consented to referrals by this institution and released the counsellors
    /// from confidentiality for it, reading the current release text; the receiving service takes referrals and
    /// belongs to another institution; topics from the taxonomy; a phone coordination or the reason there was none.
    /// </summary>
    public static ReferralRequested Decide(
        Pass? pass, Institution from, DirectoryService? toService, DirectoryOrganization? toOrganization,
        RequestReferral command, LocalDate today, Instant now)
    {
        if (pass is null)
        {
            throw new CommandRejectedException(Rejection.PassNotFound);
        }

        if (!ReferralStreams.TryNormalize(command.ReferralId, out var referralId))
        {
            throw new CommandRejectedException(Rejection.ReferralIdInvalid);
        }

        if (!pass.IsCoveredBy(from.Id, ConsentPurpose.Referrals, today))
        {
            throw new CommandRejectedException(Rejection.ConsentMissing);
        }

        var release = command.Release ?? throw new CommandRejectedException(Rejection.ReleaseMissing);
        if (!Enum.IsDefined(release.Language) || !Enum.IsDefined(release.ConfirmedBy))
        {
            throw new CommandRejectedException(Rejection.ReleaseMissing);
        }

        if (release.TextVersion != ReleaseTextVersion.Current)
        {
            throw new CommandRejectedException(Rejection.ReleaseTextOutdated, release.TextVersion);
        }

        if (from.ActiveService(command.FromServiceId) is null)
        {
            throw new CommandRejectedException(Rejection.ReferringServiceNotYours);
        }

        var target = CheckTarget(from, toService, toOrganization);
        var topics = CheckTopics(command.Topics);
        var (coordination, skipped) = CheckCoordination(command, target, now);
        if (command.Note is { Length: > ReferralLifecycle.NoteLength })
        {
            throw new CommandRejectedException(Rejection.ReferralNoteTooLong);
        }

        return new ReferralRequested(
            referralId, pass.Id, pass.PassCode, from.Id, command.FromServiceId, target.OrganizationId, target.ServiceId,
            topics, coordination, skipped, Blank(command.Note), release, command.RequestedBy, now);
    }

    /// <summary>The receiving service takes referrals from this institution: it exists, is active, and belongs to another institution that is still in the network.</summary>
    public static DirectoryService CheckTarget(Institution from, DirectoryService? toService, DirectoryOrganization? toOrganization)
    {
        if (toService is null)
        {
            throw new CommandRejectedException(Rejection.ServiceNotFound);
        }

        if (toService.OrganizationId == from.Id)
        {
            throw new CommandRejectedException(Rejection.ReferralToOwnInstitution);
        }

        if (toService.Retired)
        {
            throw new CommandRejectedException(Rejection.ServiceRetired);
        }

        if (toOrganization is null || toOrganization.Retired || toOrganization.OrganizationId != toService.OrganizationId)
        {
            throw new CommandRejectedException(Rejection.OrganizationRetired);
        }

        // A temporarily closed service still takes referrals: the call before referring says when it opens again.
        if (toService.Details.Status == ServiceStatus.Inactive)
        {
            throw new CommandRejectedException(Rejection.ServiceNotActive);
        }

        return toService;
    }

    private static List<string> CheckTopics(IReadOnlyList<string> requested)
    {
        var topics = requested.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (topics.Count == 0)
        {
            throw new CommandRejectedException(Rejection.TopicsMissing);
        }

        if (topics.FirstOrDefault(t => !Taxonomy.IsKnown(t)) is { } unknown)
        {
            throw new CommandRejectedException(Rejection.TopicUnknown, unknown);
        }

        return topics;
    }

    private static (PhoneCoordination? Coordination, string? Skipped) CheckCoordination(RequestReferral command, DirectoryService target, Instant now)
    {
        var skipped = Blank(command.CoordinationSkippedBecause);
        switch (command.Coordination, skipped)
        {
            case (null, null):
                throw new CommandRejectedException(Rejection.CoordinationMissing);
            case (not null, not null):
                throw new CommandRejectedException(Rejection.CoordinationInvalid, "coordinationSkippedBecause");
            case (null, { Length: > ReferralLifecycle.NoteLength }):
                throw new CommandRejectedException(Rejection.ReferralNoteTooLong);
            case (null, _):
                return (null, skipped);
            default:
                return (PhoneCoordinationRules.Check(command.Coordination, target, now), null);
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
