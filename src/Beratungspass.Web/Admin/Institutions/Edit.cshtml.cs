using Beratungspass.Accounts;
using Beratungspass.Administration;
using Beratungspass.ApiClients;
using Beratungspass.Institutions;
using Beratungspass.Web.Infrastructure.Layout;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Beratungspass.Web.Admin.Institutions;

/// <summary>
/// One institution: name and town, its services (added, renamed, marked sensitive, retired) and retiring
/// it. Every form carries the version it was built on; a stale one changes nothing.
/// </summary>
public sealed class EditModel(IDocumentStore store, IClock clock, Ui ui) : AdminPageModel(ui)
{
    public Institution Institution { get; private set; } = null!;

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Town { get; set; }

    [BindProperty]
    public string? ServiceId { get; set; }

    [BindProperty]
    public string? ServiceName { get; set; }

    [BindProperty]
    public bool ServiceSensitive { get; set; }

    [BindProperty]
    public string? NewServiceId { get; set; }

    [BindProperty]
    public string? NewServiceName { get; set; }

    [BindProperty]
    public bool NewServiceSensitive { get; set; }

    /// <summary>Which form the last save came from: "created", "details", "service" or "retired".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var institution = await session.LoadAsync<Institution>(id, cancellation);
        if (institution is null)
        {
            return NotFound();
        }

        Show(institution, keepInput: false);
        return Page();
    }

    public Task<IActionResult> OnPostDetailsAsync(string id, CancellationToken cancellation)
    {
        if (!Institution.IsValidName(Name))
        {
            AddError("name", "Bitte einen Namen mit höchstens 200 Zeichen eingeben.", "Please enter a name of at most 200 characters.");
        }

        if (!Institution.IsValidTown(Town))
        {
            AddError("town", "Bitte einen Ort im Kreis Unna wählen.", "Please choose a town in Kreis Unna.");
        }

        return ChangeAsync(id, "details", (institution, _) =>
        {
            var changes = AdminChange.Differences(("name", institution.Name, Name!.Trim()), ("town", institution.Town, Town)).ToList();
            institution.Name = Name.Trim();
            institution.Town = Town!;
            return Task.FromResult<AdminChange?>(changes.Count == 0 ? null
                : AdminChange.Record(AdminId, AdminSubject.Institution, institution.Id, AdminAction.InstitutionEdited, clock.GetCurrentInstant(), changes));
        }, cancellation);
    }

    public Task<IActionResult> OnPostAddServiceAsync(string id, CancellationToken cancellation)
    {
        NewServiceId = NewServiceId?.Trim();
        if (!Institution.IsValidId(NewServiceId))
        {
            AddError("new-service-id", "Die Kennung des Dienstes besteht aus 3–64 Kleinbuchstaben, Ziffern, Punkten oder Bindestrichen.", "The service id consists of 3–64 lower-case letters, digits, dots or hyphens.");
        }

        if (!Institution.IsValidName(NewServiceName))
        {
            AddError("new-service-name", "Bitte einen Namen des Dienstes mit höchstens 200 Zeichen eingeben.", "Please enter a service name of at most 200 characters.");
        }

        return ChangeAsync(id, "service", async (institution, session) =>
        {
            // Pass histories name services by id across the whole network, so an id is never used twice.
            var all = await session.Query<Institution>().ToListAsync(cancellation);
            if (all.Any(i => i.Services.Any(s => s.Id == NewServiceId)))
            {
                AddError("new-service-id", "Diese Kennung hat schon ein Dienst im Netzwerk.", "A service in the network already has this id.");
                return null;
            }

            institution.Services.Add(new InstitutionService { Id = NewServiceId!, Name = NewServiceName!.Trim(), Sensitive = NewServiceSensitive });
            return AdminChange.Record(AdminId, AdminSubject.Institution, institution.Id, AdminAction.ServiceAdded, clock.GetCurrentInstant(),
                new FieldChange("service", null, NewServiceId), new FieldChange("name", null, NewServiceName.Trim()),
                new FieldChange("sensitive", null, NewServiceSensitive ? "true" : "false"));
        }, cancellation);
    }

    public Task<IActionResult> OnPostEditServiceAsync(string id, CancellationToken cancellation)
    {
        if (!Institution.IsValidName(ServiceName))
        {
            AddError("services", "Bitte einen Namen des Dienstes mit höchstens 200 Zeichen eingeben.", "Please enter a service name of at most 200 characters.");
        }

        return ChangeAsync(id, "service", (institution, _) =>
        {
            var service = institution.Services.FirstOrDefault(s => s.Id == ServiceId);
            if (service is null)
            {
                AddError("services", "Diesen Dienst gibt es bei der Einrichtung nicht.", "The institution has no such service.");
                return Task.FromResult<AdminChange?>(null);
            }

            var changes = AdminChange.Differences(("name", service.Name, ServiceName!.Trim()),
                ("sensitive", service.Sensitive ? "true" : "false", ServiceSensitive ? "true" : "false")).ToList();
            service.Name = ServiceName.Trim();
            service.Sensitive = ServiceSensitive;
            return Task.FromResult<AdminChange?>(changes.Count == 0 ? null
                : AdminChange.Record(AdminId, AdminSubject.Institution, institution.Id, AdminAction.ServiceEdited, clock.GetCurrentInstant(),
                    [new FieldChange("service", service.Id, service.Id), .. changes]));
        }, cancellation);
    }

    public Task<IActionResult> OnPostRetireServiceAsync(string id, CancellationToken cancellation) =>
        ChangeAsync(id, "service", (institution, _) =>
        {
            var service = institution.Services.FirstOrDefault(s => s.Id == ServiceId && !s.Retired);
            if (service is null)
            {
                AddError("services", "Diesen aktiven Dienst gibt es bei der Einrichtung nicht.", "The institution has no such active service.");
                return Task.FromResult<AdminChange?>(null);
            }

            service.Retired = true;
            return Task.FromResult<AdminChange?>(AdminChange.Record(AdminId, AdminSubject.Institution, institution.Id, AdminAction.ServiceRetired,
                clock.GetCurrentInstant(), new FieldChange("service", service.Id, service.Id), new FieldChange("retired", "false", "true")));
        }, cancellation);

    public Task<IActionResult> OnPostRetireAsync(string id, CancellationToken cancellation) =>
        ChangeAsync(id, "retired", async (institution, session) =>
        {
            if (institution.Retired)
            {
                return null;
            }

            var accounts = await session.Query<Account>().CountAsync(a => a.InstitutionId == institution.Id && !a.Disabled, cancellation);
            var clients = (await session.Query<ApiClient>().Where(c => c.InstitutionId == institution.Id).ToListAsync(cancellation)).Count(c => !c.Revoked);
            if (accounts > 0 || clients > 0)
            {
                AddError("retire", $"Stilllegen erst, wenn kein Konto mehr aktiv und kein API-Zugang mehr gültig ist (jetzt: {accounts} Konten, {clients} API-Zugänge).",
                    $"Retire only once no account is enabled and no API client is valid any more (now: {accounts} accounts, {clients} API clients).");
                return null;
            }

            institution.Retired = true;
            return AdminChange.Record(AdminId, AdminSubject.Institution, institution.Id, AdminAction.InstitutionRetired, clock.GetCurrentInstant(),
                new FieldChange("retired", "false", "true"));
        }, cancellation);

    /// <summary>
    /// Loads the institution, refuses a stale form, applies the change and saves it with its audit entry in
    /// one transaction, expecting the version the form was built on.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(string id, string saved, Func<Institution, IDocumentSession, Task<AdminChange?>> change, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var institution = await session.LoadAsync<Institution>(id, cancellation);
        if (institution is null)
        {
            return NotFound();
        }

        if (institution.Version != Version)
        {
            Stale();
            Show(institution, keepInput: false);
            return Page();
        }

        if (Errors.Count > 0)
        {
            Show(institution, keepInput: true);
            return Refused();
        }

        var entry = await change(institution, session);
        if (Errors.Count > 0)
        {
            await using var fresh = store.QuerySession();
            Show((await fresh.LoadAsync<Institution>(id, cancellation))!, keepInput: true);
            return Refused();
        }

        if (entry is not null)
        {
            session.UpdateExpectedVersion(institution, Version);
            session.Store(entry);
            try
            {
                await session.SaveChangesAsync(cancellation);
            }
            catch (ConcurrencyException)
            {
                await using var fresh = store.QuerySession();
                Stale();
                Show((await fresh.LoadAsync<Institution>(id, cancellation))!, keepInput: false);
                return Page();
            }
        }

        return Redirect($"/admin/institutions/{institution.Id}?saved={saved}");
    }

    private void Show(Institution institution, bool keepInput)
    {
        Institution = institution;
        Version = institution.Version;
        if (!keepInput)
        {
            Name = institution.Name;
            Town = institution.Town;
            NewServiceId = NewServiceName = null;
            NewServiceSensitive = false;
        }
    }
}
