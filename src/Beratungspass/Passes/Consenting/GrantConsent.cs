using Beratungspass.Infrastructure;
using NodaTime;

namespace Beratungspass.Passes.Consenting;

/// <summary>Record a consent the client confirmed at the desk.</summary>
public sealed record GrantConsent(
    string ConsentId,
    ConsentScope Scope,
    IReadOnlyList<string> InstitutionIds,
    IReadOnlyList<ConsentPurpose> Purposes,
    LocalDate ValidUntil,
    string RecordedAtInstitutionId,
    string RecordedBy);

public static class GrantConsentDecision
{
    /// <summary>A consent lasts at most this long; then the client is asked again.</summary>
    public static readonly Period MaximumValidity = Period.FromYears(2);

    public static ConsentGranted Decide(Pass? pass, GrantConsent command, Instant now, DateTimeZone zone)
    {
        if (pass is null)
        {
            throw new CommandRejectedException(Rejection.PassNotFound);
        }

        var purposes = command.Purposes.Distinct().Order().ToList();
        if (purposes.Count == 0)
        {
            throw new CommandRejectedException(Rejection.ConsentPurposesMissing);
        }

        var institutions = command.Scope == ConsentScope.WholeNetwork
            ? []
            : command.InstitutionIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (command.Scope == ConsentScope.ListedInstitutions && institutions.Count == 0)
        {
            throw new CommandRejectedException(Rejection.ConsentInstitutionsMissing);
        }

        var today = now.InZone(zone).Date;
        if (command.ValidUntil < today || command.ValidUntil > today.Plus(MaximumValidity))
        {
            throw new CommandRejectedException(Rejection.ConsentValidityOutOfRange);
        }

        return new ConsentGranted(pass.Id, command.ConsentId, command.Scope, institutions, purposes, command.ValidUntil,
            command.RecordedAtInstitutionId, command.RecordedBy, now);
    }
}
