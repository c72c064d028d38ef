using Beratungspass.Accounts;
using Beratungspass.Administration;
using Beratungspass.Web.Infrastructure.Layout;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Beratungspass.Web.Admin.Accounts;

/// <summary>A new account bound to one institution, with a role and an initial password the administrator hands over.</summary>
public sealed class NewModel(IDocumentStore store, IPasswordHasher<Account> hasher, IClock clock, Ui ui) : AdminPageModel(ui)
{
    [BindProperty]
    public string? Id { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public Role? Role { get; set; }

    [BindProperty]
    public string? InstitutionId { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ExternalSubject { get; set; }

    public AccountChoices Choices { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Role = Beratungspass.Accounts.Role.Counsellor;
        await LoadChoicesAsync(cancellation);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        Id = Id?.Trim();
        ExternalSubject = string.IsNullOrWhiteSpace(ExternalSubject) ? null : ExternalSubject.Trim();
        AccountForm.Check(this, Id, DisplayName, Role, Password);
        if (!await AccountChoices.IsAllowedAsync(session, InstitutionId, null, cancellation))
        {
            AddError("institution", "Bitte eine aktive Einrichtung wählen.", "Please choose an active institution.");
        }

        await AccountForm.CheckExternalSubjectAsync(this, session, ExternalSubject, Id, cancellation);
        if (Errors.Count > 0)
        {
            return await RefuseAsync(cancellation);
        }

        var account = new Account
        {
            Id = Id!,
            DisplayName = DisplayName!.Trim(),
            InstitutionId = InstitutionId!,
            Role = Role!.Value,
            Pseudonym = Account.NewPseudonym(),
            PasswordHash = "",
            SecurityStamp = Account.NewSecurityStamp(),
            ExternalSubject = ExternalSubject,
        };
        account.PasswordHash = hasher.HashPassword(account, Password!);
        session.Insert(account);
        session.Store(AdminChange.Record(AdminId, AdminSubject.Account, account.Id, AdminAction.AccountCreated, clock.GetCurrentInstant(),
            AdminChange.Differences(("displayName", null, account.DisplayName), ("role", null, account.Role.ToString()),
                ("institution", null, account.InstitutionId), ("externalSubject", null, account.ExternalSubject))));
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (DocumentAlreadyExistsException)
        {
            AddError("id", "Diesen Benutzernamen gibt es schon.", "This user name already exists.");
            return await RefuseAsync(cancellation);
        }

        return Redirect($"/admin/accounts/{account.Id}?saved=created");
    }

    private async Task<IActionResult> RefuseAsync(CancellationToken cancellation)
    {
        // A password is never sent back to the browser.
        Password = null;
        await LoadChoicesAsync(cancellation);
        return Refused();
    }

    private async Task LoadChoicesAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        Choices = new AccountChoices(this, Role, InstitutionId, await AccountChoices.InstitutionsAsync(session, null, cancellation));
    }
}
