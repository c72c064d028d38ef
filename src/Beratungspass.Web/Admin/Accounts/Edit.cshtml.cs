using Beratungspass.Accounts;
using Beratungspass.Accounts.SigningIn;
using Beratungspass.Administration;
using Beratungspass.Web.Infrastructure.Layout;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Beratungspass.Web.Admin.Accounts;

/// <summary>
/// One account: name, role, institution and identity provider subject; a new password; disabling,
/// enabling and unlocking. Changes to password, role, institution or enabled state end the account's
/// open sessions (a new security stamp). Administrators cannot disable or demote themselves, so the
/// network never ends up without administration.
/// </summary>
public sealed class EditModel(IDocumentStore store, IPasswordHasher<Account> hasher, IClock clock, Ui ui) : AdminPageModel(ui)
{
    public Account Account { get; private set; } = null!;

    public AccountChoices Choices { get; private set; } = null!;

    public string InstitutionName { get; private set; } = "";

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public Role? Role { get; set; }

    [BindProperty]
    public string? InstitutionId { get; set; }

    [BindProperty]
    public string? ExternalSubject { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Which form the last save came from, for the confirmation.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public bool Locked => SignInLockout.IsLocked(Account, clock.GetCurrentInstant());

    public string State => IndexModel.AccountState(Ui, Account, clock.GetCurrentInstant());

    public bool IsOwnAccount => Account.Id == AdminId;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var account = await session.LoadAsync<Account>(id, cancellation);
        if (account is null)
        {
            return NotFound();
        }

        await ShowAsync(session, account, keepInput: false, cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(string id, CancellationToken cancellation)
    {
        ExternalSubject = string.IsNullOrWhiteSpace(ExternalSubject) ? null : ExternalSubject.Trim();
        AccountForm.CheckDetails(this, DisplayName, Role);
        return await ChangeAsync(id, "details", async (account, session) =>
        {
            if (!await AccountChoices.IsAllowedAsync(session, InstitutionId, account.InstitutionId, cancellation))
            {
                AddError("institution", "Bitte eine aktive Einrichtung wählen.", "Please choose an active institution.");
            }

            if (account.Id == AdminId && Role != Beratungspass.Accounts.Role.Administrator)
            {
                AddError("role", "Die eigene Rolle kann nur eine andere Administratorin oder ein anderer Administrator ändern.", "Only another administrator can change your own role.");
            }

            await AccountForm.CheckExternalSubjectAsync(this, session, ExternalSubject, account.Id, cancellation);
            if (Errors.Count > 0)
            {
                return null;
            }

            var changes = AdminChange.Differences(("displayName", account.DisplayName, DisplayName!.Trim()), ("role", account.Role.ToString(), Role.ToString()),
                ("institution", account.InstitutionId, InstitutionId), ("externalSubject", account.ExternalSubject, ExternalSubject)).ToList();
            if (account.Role != Role || account.InstitutionId != InstitutionId)
            {
                account.SecurityStamp = Account.NewSecurityStamp();
            }

            account.DisplayName = DisplayName.Trim();
            account.Role = Role!.Value;
            account.InstitutionId = InstitutionId!;
            account.ExternalSubject = ExternalSubject;
            return changes.Count == 0 ? null : Entry(account, AdminAction.AccountEdited, changes);
        }, cancellation);
    }

    public async Task<IActionResult> OnPostPasswordAsync(string id, CancellationToken cancellation)
    {
        AccountForm.CheckPassword(this, Password, id);
        var password = Password;
        Password = null;
        return await ChangeAsync(id, "password", (account, _) =>
        {
            account.PasswordHash = hasher.HashPassword(account, password!);
            account.SecurityStamp = Account.NewSecurityStamp();
            account.FailedSignIns = 0;
            account.LockedUntil = null;
            return Task.FromResult<AdminChange?>(Entry(account, AdminAction.PasswordReset, []));
        }, cancellation);
    }

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken cancellation) =>
        ChangeAsync(id, "disabled", (account, _) =>
        {
            if (account.Id == AdminId)
            {
                AddError("state", "Das eigene Konto kann nur eine andere Administratorin oder ein anderer Administrator deaktivieren.", "Only another administrator can disable your own account.");
                return Task.FromResult<AdminChange?>(null);
            }

            if (account.Disabled)
            {
                return Task.FromResult<AdminChange?>(null);
            }

            account.Disabled = true;
            account.SecurityStamp = Account.NewSecurityStamp();
            return Task.FromResult<AdminChange?>(Entry(account, AdminAction.AccountDisabled, [new FieldChange("disabled", "false", "true")]));
        }, cancellation);

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken cancellation) =>
        ChangeAsync(id, "enabled", (account, _) =>
        {
            if (!account.Disabled)
            {
                return Task.FromResult<AdminChange?>(null);
            }

            account.Disabled = false;
            return Task.FromResult<AdminChange?>(Entry(account, AdminAction.AccountEnabled, [new FieldChange("disabled", "true", "false")]));
        }, cancellation);

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellation) =>
        ChangeAsync(id, "unlocked", (account, _) =>
        {
            if (account.FailedSignIns == 0 && account.LockedUntil is null)
            {
                return Task.FromResult<AdminChange?>(null);
            }

            account.FailedSignIns = 0;
            account.LockedUntil = null;
            return Task.FromResult<AdminChange?>(Entry(account, AdminAction.AccountUnlocked, []));
        }, cancellation);

    private AdminChange Entry(Account account, AdminAction action, IEnumerable<FieldChange> changes) =>
        AdminChange.Record(AdminId, AdminSubject.Account, account.Id, action, clock.GetCurrentInstant(), changes);

    /// <summary>
    /// Loads the account, refuses a stale form, applies the change and saves it with its audit entry in one
    /// transaction, expecting the version the form was built on.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(string id, string saved, Func<Account, IDocumentSession, Task<AdminChange?>> change, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var account = await session.LoadAsync<Account>(id, cancellation);
        if (account is null)
        {
            return NotFound();
        }

        if (account.Version != Version)
        {
            Stale();
            await ShowAsync(session, account, keepInput: false, cancellation);
            return Page();
        }

        var entry = Errors.Count > 0 ? null : await change(account, session);
        if (Errors.Count > 0)
        {
            await using var fresh = store.QuerySession();
            await ShowAsync(fresh, (await fresh.LoadAsync<Account>(id, cancellation))!, keepInput: true, cancellation);
            return Refused();
        }

        if (entry is not null)
        {
            session.UpdateExpectedVersion(account, Version);
            session.Store(entry);
            try
            {
                await session.SaveChangesAsync(cancellation);
            }
            catch (ConcurrencyException)
            {
                await using var fresh = store.QuerySession();
                Stale();
                await ShowAsync(fresh, (await fresh.LoadAsync<Account>(id, cancellation))!, keepInput: false, cancellation);
                return Page();
            }
        }

        return Redirect($"/admin/accounts/{account.Id}?saved={saved}");
    }

    private async Task ShowAsync(IQuerySession session, Account account, bool keepInput, CancellationToken cancellation)
    {
        Account = account;
        Version = account.Version;
        if (!keepInput)
        {
            DisplayName = account.DisplayName;
            Role = account.Role;
            InstitutionId = account.InstitutionId;
            ExternalSubject = account.ExternalSubject;
        }

        Password = null;
        var institutions = await AccountChoices.InstitutionsAsync(session, account.InstitutionId, cancellation);
        InstitutionName = institutions.FirstOrDefault(i => i.Id == account.InstitutionId)?.Name ?? account.InstitutionId;
        Choices = new AccountChoices(this, Role, InstitutionId, institutions);
    }
}
