using Beratungspass.Infrastructure;
using Beratungspass.ServiceDirectory;
using Beratungspass.Web.Infrastructure.Layout;
using Beratungspass.Web.Infrastructure.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Beratungspass.Web.ServiceDirectory.Editing.Services;

/// <summary>
/// One service: its details, where and when it is offered, its staff-only contacts, and retiring it.
/// The form carries the version it was built on; a retired service is shown read-only and takes no edit.
/// </summary>
public sealed class EditModel(IDocumentStore store, DirectoryEditing editing, Ui ui) : EditingPageModel(ui)
{
    public DirectoryService Service { get; private set; } = null!;

    public DirectoryOrganization Organization { get; private set; } = null!;

    [BindProperty]
    public ServiceForm Form { get; set; } = new();

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public string? Add { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Retire { get; set; }

    public bool ReadOnly => Service.Retired;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellation)
    {
        if (!await LoadAsync(id, cancellation))
        {
            return NotFound();
        }

        Show(keepInput: false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellation)
    {
        if (!await LoadAsync(id, cancellation))
        {
            return NotFound();
        }

        if (Service.Retired)
        {
            Show(keepInput: false);
            return Refuse(ProblemCatalog.ServiceRetired);
        }

        if (Add is not null)
        {
            Focus = Form.AddRow(Add);
            Show(keepInput: true);
            return Page();
        }

        var unreadable = new List<DirectoryError>();
        var (details, contacts, paths) = Form.ToDetails(Service.Details, unreadable);
        if (Version != Service.Version)
        {
            return await StaleAsync(id, new ServiceState(details, contacts), cancellation);
        }

        AddErrors(unreadable, paths);
        AddErrors(DirectoryValidation.Service(details, contacts, Organization.Details), paths);
        if (Errors.Count > 0)
        {
            Show(keepInput: true);
            return Invalid();
        }

        try
        {
            var changed = await editing.ChangeServiceAsync(id, Version, details, contacts, AccountId, cancellation);
            return Redirect($"/directory/edit/services/{id}?saved={(changed.Version == Version ? "unchanged" : "changed")}");
        }
        catch (CommandRejectedException rejected) when (rejected.Reason == Rejection.ChangedMeanwhile)
        {
            return await StaleAsync(id, new ServiceState(details, contacts), cancellation);
        }
        catch (CommandRejectedException rejected) when (rejected.Reason == Rejection.RetireInsteadOfDefunct)
        {
            AddProblem("status", ProblemCatalog.RetireInsteadOfDefunct);
            Show(keepInput: true);
            return Invalid();
        }
        catch (CommandRejectedException rejected) when (rejected.Reason == Rejection.ServiceRetired)
        {
            await LoadAsync(id, cancellation);
            Show(keepInput: false);
            return Refuse(ProblemCatalog.ServiceRetired);
        }
        catch (InvalidDirectoryEntryException invalid)
        {
            AddErrors(invalid.Errors, paths);
            Show(keepInput: true);
            return Invalid();
        }
    }

    public async Task<IActionResult> OnPostRetireAsync(string id, CancellationToken cancellation)
    {
        if (!await LoadAsync(id, cancellation))
        {
            return NotFound();
        }

        if (Service.Retired)
        {
            Show(keepInput: false);
            return Refuse(ProblemCatalog.ServiceRetired);
        }

        try
        {
            await editing.RetireServiceAsync(id, Version, AccountId, cancellation);
            return Redirect($"/directory/edit/services/{id}?saved=retired");
        }
        catch (CommandRejectedException rejected) when (rejected.Reason == Rejection.ChangedMeanwhile)
        {
            return await StaleAsync(id, null, cancellation);
        }
        catch (CommandRejectedException rejected) when (rejected.Reason == Rejection.ServiceRetired)
        {
            await LoadAsync(id, cancellation);
            Show(keepInput: false);
            return Refuse(ProblemCatalog.ServiceRetired);
        }
    }

    private async Task<IActionResult> StaleAsync(string id, ServiceState? entered, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        await StaleAsync(editing, session, DirectoryStreams.Service(id), Version, entered, cancellation);
        await LoadAsync(id, cancellation);
        Show(keepInput: false);
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var service = await session.LoadAsync<DirectoryService>(DirectoryStreams.Service(id), cancellation);
        var organization = service is null
            ? null
            : await session.LoadAsync<DirectoryOrganization>(DirectoryStreams.Organization(service.OrganizationId), cancellation);
        if (service is null || organization is null)
        {
            return false;
        }

        Service = service;
        Organization = organization;
        return true;
    }

    /// <summary>The form with the stored state (and its version), or with what was posted, plus empty rows to add.</summary>
    private void Show(bool keepInput)
    {
        if (!keepInput)
        {
            Form = ServiceForm.From(Service.Details, Service.StaffContacts, Organization.Details);
            Version = Service.Version;
        }
        else
        {
            Form.Align(Organization.Details);
        }

        if (!ReadOnly)
        {
            Form.EnsureBlankRows();
        }
    }
}
