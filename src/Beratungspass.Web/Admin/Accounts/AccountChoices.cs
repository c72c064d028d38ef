using Beratungspass.Accounts;
using Beratungspass.Institutions;
using Marten;

namespace Beratungspass.Web.Admin.Accounts;

/// <summary>The role and institution fields of the account forms, with the institutions an account may belong to.</summary>
public sealed record AccountChoices(AdminPageModel Page, Role? Role, string? InstitutionId, IReadOnlyList<Institution> Institutions)
{
    /// <summary>Active institutions, plus the account's own even if retired, so its form still shows it.</summary>
    public static async Task<IReadOnlyList<Institution>> InstitutionsAsync(IQuerySession session, string? current, CancellationToken cancellation) =>
        (await session.Query<Institution>().ToListAsync(cancellation))
            .Where(i => !i.Retired || i.Id == current)
            .OrderBy(i => i.Name, StringComparer.CurrentCulture)
            .ToList();

    /// <summary>Null when the institution exists and is active (or the account already belongs to it).</summary>
    public static async Task<bool> IsAllowedAsync(IQuerySession session, string? institutionId, string? current, CancellationToken cancellation) =>
        institutionId is not null && await session.LoadAsync<Institution>(institutionId, cancellation) is { } institution
        && (!institution.Retired || institution.Id == current);
}
