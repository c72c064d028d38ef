using Beratungspass.Infrastructure;
using Beratungspass.ServiceDirectory;
using Beratungspass.Web.Infrastructure.Layout;
using Beratungspass.Web.Infrastructure.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Beratungspass.Web.ServiceDirectory.Editing.Services;

/// <summary>A new service of an organization: details, topics, languages, where and when, and staff-only contacts.</summary>
public sealed class NewModel(IDocumentStore store, DirectoryEditing editing, Ui ui) : EditingPageModel(ui)
{
    [BindProperty(SupportsGet = true, Name = "organization")]
    public string? OrganizationId { get; set; }

    public DirectoryOrganization Organization { get; private set; } = null!;

    [BindProperty]
    public ServiceForm Form { get; set; } = new();

    [BindProperty]
    public string? Add { get; set; }

    public bool ReadOnly => Organization.Retired;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (!await LoadAsync(cancellation))
        {
            return NotFound();
        }

        Form = ServiceForm.Fresh(Organization.Details);
        Form.EnsureBlankRows();
        if (Organization.Retired)
        {
            ShowRefusal(ProblemCatalog.OrganizationRetired);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!await LoadAsync(cancellation))
        {
            return NotFound();
        }

        Form.Align(Organization.Details);
        if (Organization.Retired)
        {
            Form.EnsureBlankRows();
            return Refuse(ProblemCatalog.OrganizationRetired);
        }

        if (Add is not null)
        {
            Focus = Form.AddRow(Add);
            Form.EnsureBlankRows();
            return Page();
        }

        var unreadable = new List<DirectoryError>();
        var (details, contacts, paths) = Form.ToDetails(null, unreadable);
        var id = EntryIds.Chosen(this, Form.Id, details.Name);
        if (Errors.ContainsKey("id"))
        {
            Form.Id = id;
        }

        AddErrors(unreadable, paths);
        AddErrors(DirectoryValidation.Service(details, contacts, Organization.Details), paths);
        if (Errors.Count > 0)
        {
            Form.EnsureBlankRows();
            return Invalid();
        }

        try
        {
            await editing.CreateServiceAsync(Organization.OrganizationId, id, details, contacts, AccountId, cancellation);
        }
        catch (CommandRejectedException rejected) when (rejected.Reason is Rejection.DirectoryIdTaken or Rejection.DirectoryIdInvalid)
        {
            Form.Id = id;
            AddProblem("id", ProblemCatalog.For(rejected.Reason));
            Form.EnsureBlankRows();
            return Invalid();
        }
        catch (CommandRejectedException rejected) when (rejected.Reason is Rejection.RetireInsteadOfDefunct)
        {
            AddProblem("status", ProblemCatalog.RetireInsteadOfDefunct);
            Form.EnsureBlankRows();
            return Invalid();
        }
        catch (CommandRejectedException rejected) when (rejected.Reason is Rejection.OrganizationRetired)
        {
            Form.EnsureBlankRows();
            return Refuse(ProblemCatalog.OrganizationRetired);
        }
        catch (InvalidDirectoryEntryException invalid)
        {
            AddErrors(invalid.Errors, paths);
            Form.EnsureBlankRows();
            return Invalid();
        }

        return Redirect($"/directory/edit/services/{id}?saved=created");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(OrganizationId))
        {
            return false;
        }

        await using var session = store.QuerySession();
        var organization = await session.LoadAsync<DirectoryOrganization>(DirectoryStreams.Organization(OrganizationId), cancellation);
        if (organization is null)
        {
            return false;
        }

        Organization = organization;
        return true;
    }
}
