using Beratungspass.Infrastructure;
using Beratungspass.ServiceDirectory;
using Beratungspass.Web.Infrastructure.Layout;
using Beratungspass.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Mvc;

namespace Beratungspass.Web.ServiceDirectory.Editing.Organizations;

/// <summary>A new organization of the network: its id (suggested from the name when left empty), details, phones and locations.</summary>
public sealed class NewModel(DirectoryEditing editing, Ui ui) : EditingPageModel(ui)
{
    [BindProperty]
    public OrganizationForm Form { get; set; } = new();

    /// <summary>Set by an "add another row" button: which list gets one.</summary>
    [BindProperty]
    public string? Add { get; set; }

    public void OnGet() => Form.EnsureBlankRows();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (Add is not null)
        {
            Focus = Form.AddRow(Add);
            Form.EnsureBlankRows();
            return Page();
        }

        var (details, paths) = Form.ToDetails(null);
        var id = EntryIds.Chosen(this, Form.Id, details.Name);
        if (Errors.ContainsKey("id"))
        {
            Form.Id = id;
        }

        AddErrors(DirectoryValidation.Organization(details), paths);
        if (Errors.Count > 0)
        {
            Form.EnsureBlankRows();
            return Invalid();
        }

        try
        {
            await editing.CreateOrganizationAsync(id, details, AccountId, cancellation);
        }
        catch (CommandRejectedException rejected) when (rejected.Reason is Rejection.DirectoryIdTaken or Rejection.DirectoryIdInvalid)
        {
            Form.Id = id;
            AddProblem("id", ProblemCatalog.For(rejected.Reason));
            Form.EnsureBlankRows();
            return Invalid();
        }
        catch (InvalidDirectoryEntryException invalid)
        {
            AddErrors(invalid.Errors, paths);
            Form.EnsureBlankRows();
            return Invalid();
        }

        return Redirect($"/directory/edit/organizations/{id}?saved=created");
    }
}
