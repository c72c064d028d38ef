using Beratungspass.Administration;
using Beratungspass.Institutions;
using Beratungspass.Web.Infrastructure.Layout;
using Marten;
using JasperFx;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Beratungspass.Web.Admin.Institutions;

public sealed class NewModel(IDocumentStore store, IClock clock, Ui ui) : AdminPageModel(ui)
{
    [BindProperty]
    public string? Id { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Town { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        Id = Id?.Trim();
        if (!Institution.IsValidId(Id))
        {
            AddError("id", "Die Kennung besteht aus 3–64 Kleinbuchstaben, Ziffern, Punkten oder Bindestrichen.", "The id consists of 3–64 lower-case letters, digits, dots or hyphens.");
        }

        if (!Institution.IsValidName(Name))
        {
            AddError("name", "Bitte einen Namen mit höchstens 200 Zeichen eingeben.", "Please enter a name of at most 200 characters.");
        }

        if (!Institution.IsValidTown(Town))
        {
            AddError("town", "Bitte einen Ort im Kreis Unna wählen.", "Please choose a town in Kreis Unna.");
        }

        if (Errors.Count > 0)
        {
            return Refused();
        }

        await using var session = store.LightweightSession();
        var institution = new Institution { Id = Id!, Name = Name!.Trim(), Town = Town! };
        session.Insert(institution);
        session.Store(AdminChange.Record(AdminId, AdminSubject.Institution, institution.Id, AdminAction.InstitutionCreated, clock.GetCurrentInstant(),
            new FieldChange("name", null, institution.Name), new FieldChange("town", null, institution.Town)));
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (DocumentAlreadyExistsException)
        {
            AddError("id", "Diese Kennung ist schon vergeben.", "This id is already taken.");
            return Refused();
        }

        return Redirect($"/admin/institutions/{institution.Id}?saved=created");
    }
}
