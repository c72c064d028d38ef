using Beratungspass.Administration;
using Beratungspass.Web.Infrastructure.Layout;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Beratungspass.Web.Admin.Changes;

/// <summary>The audit trail: the latest changes to institutions, accounts and API clients, newest first.</summary>
public sealed class IndexModel(IQuerySession session, Ui ui) : AdminPageModel(ui)
{
    public const int Shown = 200;

    /// <summary>Only the changes to this institution, account or API client.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Subject { get; set; }

    public IReadOnlyList<AdminChange> Changes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var query = session.Query<AdminChange>().AsQueryable();
        if (!string.IsNullOrEmpty(Subject))
        {
            query = query.Where(c => c.SubjectId == Subject);
        }

        Changes = await query.OrderByDescending(c => c.StoredAt).Take(Shown).ToListAsync(cancellation);
    }

    public string ActionName(AdminAction action) => action switch
    {
        AdminAction.InstitutionCreated => Ui.T("Einrichtung angelegt", "Institution created"),
        AdminAction.InstitutionEdited => Ui.T("Einrichtung geändert", "Institution edited"),
        AdminAction.InstitutionRetired => Ui.T("Einrichtung stillgelegt", "Institution retired"),
        AdminAction.ServiceAdded => Ui.T("Dienst hinzugefügt", "Service added"),
        AdminAction.ServiceEdited => Ui.T("Dienst geändert", "Service edited"),
        AdminAction.ServiceRetired => Ui.T("Dienst stillgelegt", "Service retired"),
        AdminAction.AccountCreated => Ui.T("Konto angelegt", "Account created"),
        AdminAction.AccountEdited => Ui.T("Konto geändert", "Account edited"),
        AdminAction.AccountDisabled => Ui.T("Konto deaktiviert", "Account disabled"),
        AdminAction.AccountEnabled => Ui.T("Konto aktiviert", "Account enabled"),
        AdminAction.PasswordReset => Ui.T("Passwort neu gesetzt", "Password reset"),
        AdminAction.AccountUnlocked => Ui.T("Sperre aufgehoben", "Account unlocked"),
        AdminAction.ApiClientCreated => Ui.T("API-Zugang angelegt", "API client created"),
        AdminAction.ApiClientRevoked => Ui.T("API-Zugang widerrufen", "API client revoked"),
        _ => action.ToString(),
    };

    public string FieldName(string field) => field switch
    {
        "name" => Ui.T("Name", "Name"),
        "town" => Ui.T("Ort", "Town"),
        "service" => Ui.T("Dienst", "Service"),
        "sensitive" => Ui.T("sensibel", "sensitive"),
        "retired" => Ui.T("stillgelegt", "retired"),
        "displayName" => Ui.T("Angezeigter Name", "Display name"),
        "role" => Ui.T("Rolle", "Role"),
        "institution" => Ui.T("Einrichtung", "Institution"),
        "externalSubject" => Ui.T("Kennung beim Identitätsanbieter", "Identity provider subject"),
        "disabled" => Ui.T("deaktiviert", "disabled"),
        "revoked" => Ui.T("widerrufen", "revoked"),
        _ => field,
    };

    public string SubjectName(AdminSubject subject) => subject switch
    {
        AdminSubject.Institution => Ui.T("Einrichtung", "Institution"),
        AdminSubject.Account => Ui.T("Konto", "Account"),
        AdminSubject.ApiClient => Ui.T("API-Zugang", "API client"),
        _ => subject.ToString(),
    };

    public string SubjectLink(AdminChange change) => change.Subject switch
    {
        AdminSubject.Institution => "/directory/edit/organizations/" + change.SubjectId,
        AdminSubject.Account => "/admin/accounts/" + change.SubjectId,
        _ => "/admin/api-clients",
    };
}
