using Beratungspass.Administration;
using Beratungspass.ApiClients;
using Beratungspass.Institutions;
using Beratungspass.Web.Infrastructure.Layout;
using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Beratungspass.Web.Admin.ApiClients;

/// <summary>
/// API clients of the institutions: creating one shows its token once, in this answer only (never stored,
/// never in an address, not cached); revoking one makes its token answer 401 from the next request on.
/// </summary>
public sealed class IndexModel(IDocumentStore store, IClock clock, Ui ui) : AdminPageModel(ui)
{
    private Dictionary<string, Institution> institutions = [];

    public IReadOnlyList<ApiClient> Clients { get; private set; } = [];

    public IReadOnlyList<Institution> ActiveInstitutions => institutions.Values.Where(i => !i.Retired).OrderBy(i => i.Name, StringComparer.CurrentCulture).ToList();

    [BindProperty]
    public string? InstitutionId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    /// <summary>The token of the client just created; shown once.</summary>
    public string? NewToken { get; private set; }

    public ApiClient? NewClient { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Revoked { get; set; }

    public string InstitutionName(string id) => institutions.TryGetValue(id, out var institution) ? institution.Name : id;

    public Task OnGetAsync(CancellationToken cancellation) => LoadAsync(cancellation);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        if (InstitutionId is null || await session.LoadAsync<Institution>(InstitutionId, cancellation) is not { Retired: false })
        {
            AddError("institution", "Bitte eine aktive Einrichtung wählen.", "Please choose an active institution.");
        }

        if (!ApiClient.IsValidName(Name))
        {
            AddError("name", "Bitte einen Namen mit höchstens 100 Zeichen eingeben, z. B. den Namen des Fachverfahrens.", "Please enter a name of at most 100 characters, e.g. the name of the case management system.");
        }

        if (Errors.Count > 0)
        {
            await LoadAsync(cancellation);
            return Refused();
        }

        var now = clock.GetCurrentInstant();
        var (client, token) = ApiCredentials.Create(InstitutionId!, Name!, AdminId, now);
        session.Insert(client);
        session.Store(AdminChange.Record(AdminId, AdminSubject.ApiClient, client.Id, AdminAction.ApiClientCreated, now,
            new FieldChange("institution", null, client.InstitutionId), new FieldChange("name", null, client.Name)));
        await session.SaveChangesAsync(cancellation);

        NewClient = client;
        NewToken = token;
        InstitutionId = Name = null;
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? clientId, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var client = clientId is null ? null : await session.LoadAsync<ApiClient>(clientId, cancellation);
        if (client is null)
        {
            return NotFound();
        }

        if (!client.Revoked)
        {
            var now = clock.GetCurrentInstant();
            client.RevokedAt = now;
            client.RevokedBy = AdminId;
            session.Store(client);
            session.Store(AdminChange.Record(AdminId, AdminSubject.ApiClient, client.Id, AdminAction.ApiClientRevoked, now,
                new FieldChange("revoked", "false", "true")));
            await session.SaveChangesAsync(cancellation);
        }

        return Redirect($"/admin/api-clients?revoked={client.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        institutions = (await session.Query<Institution>().ToListAsync(cancellation)).ToDictionary(i => i.Id);
        Clients = (await session.Query<ApiClient>().ToListAsync(cancellation))
            .OrderBy(c => c.Revoked).ThenBy(c => InstitutionName(c.InstitutionId), StringComparer.CurrentCulture).ThenBy(c => c.Name, StringComparer.CurrentCulture)
            .ToList();
    }
}
