using NodaTime;

namespace Beratungspass.Passes;

/// <summary>
/// What decisions about a pass need to know, folded from its stream. Stored as an inline snapshot so a
/// write reads one row, not the whole stream.
/// </summary>
public sealed partial record Pass(
    string Id,
    string PassCode,
    string IssuingInstitutionId,
    ClientLanguage PreferredLanguage,
    AgeBand? AgeBand,
    int Generation,
    IReadOnlyList<Consent> Consents,
    IReadOnlyList<string> ContactIds,
    IReadOnlyList<string> HiddenServiceIds)
{
    public static Pass Create(PassIssued e) =>
        new(e.PassId, e.PassCode, e.IssuingInstitutionId, e.PreferredLanguage, e.AgeBand, Generation: 1, Consents: [], ContactIds: [], HiddenServiceIds: []);

    public Pass Apply(ContactRecorded e) => this with { ContactIds = [.. ContactIds, e.ContactId] };

    public Pass Apply(ServiceHidden e) => HiddenServiceIds.Contains(e.ServiceId) ? this : this with { HiddenServiceIds = [.. HiddenServiceIds, e.ServiceId] };

    public Pass Apply(ServiceShown e) => this with { HiddenServiceIds = [.. HiddenServiceIds.Where(id => id != e.ServiceId)] };

    // HistoryViewed is deliberately not folded: a view changes nothing a decision looks at, and leaving it out
    // spares the snapshot an upsert on every display of a history.

    public Pass Apply(CardReissued e) => this with { Generation = e.Generation };

    public Pass Apply(ConsentGranted e) => this with
    {
        Consents = [.. Consents, new Consent(e.ConsentId, e.Scope, e.InstitutionIds, e.Purposes, e.ValidUntil, e.GrantedAt, WithdrawnAt: null)],
    };

    public Pass Apply(ConsentWithdrawn e) => this with
    {
        Consents = [.. Consents.Select(c => c.ConsentId == e.ConsentId ? c with { WithdrawnAt = e.WithdrawnAt } : c)],
    };

    /// <summary>Whether an active consent lets this institution act for this purpose today.</summary>
    public bool IsCoveredBy(string institutionId, ConsentPurpose purpose, LocalDate today) =>
        Consents.Any(c => c.IsActive(today) && c.Purposes.Contains(purpose) && c.CoversInstitution(institutionId));
}

public sealed record Consent(
    string ConsentId,
    ConsentScope Scope,
    IReadOnlyList<string> InstitutionIds,
    IReadOnlyList<ConsentPurpose> Purposes,
    LocalDate ValidUntil,
    Instant GrantedAt,
    Instant? WithdrawnAt)
{
    public bool IsActive(LocalDate today) => WithdrawnAt is null && today <= ValidUntil;

    public bool CoversInstitution(string institutionId) =>
        Scope == ConsentScope.WholeNetwork || InstitutionIds.Contains(institutionId);
}
