using Beratungspass.Infrastructure;
using Beratungspass.ServiceDirectory;
using Beratungspass.Web.Infrastructure.Layout;
using Beratungspass.Web.Infrastructure.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Beratungspass.Web.ServiceDirectory.Editing.Organizations;

/// <summary>
/// One organization: its details, phones and locations, its services, and retiring it once none is active.
/// The form carries the version it was built on; a retired organization is shown read-only.
/// </summary>
public sealed class EditModel(IDocumentStore store, DirectoryEditing editing, Ui ui) : EditingPageModel(ui)
{
    public DirectoryOrganization Organization { get; private set; } = null!;

    public IReadOnlyList<DirectoryService> Services { get; private set; } = [];

    [BindProperty]
    public OrganizationForm Form { get; set; } = new();

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public string? Add { get; set; }

    /// <summary>What the last save did, for the confirmation: created, changed, unchanged or retired.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    /// <summary>"confirm" shows the confirmation step of retiring.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Retire { get; set; }

    public bool ReadOnly => Organization.Retired;

    public IReadOnlyList<DirectoryService> ActiveServices => Services.Where(s => !s.Retired).ToList();

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

        if (Organization.Retired)
        {
            Show(keepInput: false);
            return Refuse(ProblemCatalog.OrganizationRetired);
        }

        if (Add is not null)
        {
            Focus = Form.AddRow(Add);
            Show(keepInput: true);
            return Page();
        }

        var (details, paths) = Form.ToDetails(Organization.Details);
        if (Version != Organization.Version)
        {
            return await StaleAsync(id, details, cancellation);
        }

        AddErrors(DirectoryValidation.Organization(details), paths);
        if (Errors.Count > 0)
        {
            Show(keepInput: true);
            return Invalid();
        }

        try
        {
            var changed = await editing.ChangeOrganizationAsync(id, Version, details, AccountId, cancellation);
            return Redirect($"/directory/edit/organizations/{id}?saved={(changed.Version == Version ? "unchanged" : "changed")}");
        }
        catch (CommandRejectedException rejected) when (rejected.Reason == Rejection.ChangedMeanwhile)
        {
            return await StaleAsync(id, details, cancellation);
        }
        catch (CommandRejectedException rejected) when (rejected.Reason == Rejection.OrganizationRetired)
        {
            await LoadAsync(id, cancellation);
            Show(keepInput: false);
            return Refuse(ProblemCatalog.OrganizationRetired);
        }
        catch (InvalidDirectoryEntryException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                AddError(LocationInUse(error) ?? paths.IdOf(error.Path), Ui.T(error.German, error.English));
            }

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

        if (Organization.Retired)
        {
            Show(keepInput: false);
            return Refuse(ProblemCatalog.OrganizationRetired);
        }

        try
        {
            await editing.RetireOrganizationAsync(id, Version, AccountId, cancellation);
            return Redirect($"/directory/edit/organizations/{id}?saved=retired");
        }
        catch (CommandRejectedException rejected) when (rejected.Reason == Rejection.ChangedMeanwhile)
        {
            return await StaleAsync(id, null, cancellation);
        }
        catch (CommandRejectedException rejected) when (rejected.Reason == Rejection.OrganizationHasActiveServices)
        {
            Show(keepInput: false);
            return Refuse(ProblemCatalog.OrganizationHasActiveServices, Ui.T("Noch aktiv: ", "Still active: ") + rejected.Detail);
        }
    }

    /// <summary>A location still named by a service: the error names it by its place in the stored entry, the form by its id.</summary>
    private string? LocationInUse(DirectoryError error)
    {
        if (error.Code != "location-in-use" || !int.TryParse(error.Path.AsSpan("locations[".Length, error.Path.Length - "locations[]".Length), out var index)
            || index < 0 || index >= Organization.Details.Locations.Count)
        {
            return null;
        }

        var row = Form.Locations.FindIndex(l => l.Id == Organization.Details.Locations[index].Id.ToString());
        return row < 0 ? null : $"locations-{row}";
    }

    private async Task<IActionResult> StaleAsync(string id, OrganizationDetails? entered, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        await StaleAsync(editing, session, DirectoryStreams.Organization(id), Version, entered, cancellation);
        await LoadAsync(id, cancellation);
        Show(keepInput: false);
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var organization = await session.LoadAsync<DirectoryOrganization>(DirectoryStreams.Organization(id), cancellation);
        if (organization is null)
        {
            return false;
        }

        Organization = organization;
        Services = (await session.Query<DirectoryService>().Where(s => s.OrganizationId == organization.OrganizationId).ToListAsync(cancellation))
            .OrderBy(s => s.Retired).ThenBy(s => s.Details.Name, StringComparer.CurrentCulture).ToList();
        return true;
    }

    /// <summary>The form with the stored state (and its version), or with what was posted, plus one empty row per list.</summary>
    private void Show(bool keepInput)
    {
        if (!keepInput)
        {
            Form = OrganizationForm.From(Organization.Details);
            Version = Organization.Version;
        }

        if (!ReadOnly)
        {
            Form.EnsureBlankRows();
        }
    }
}
