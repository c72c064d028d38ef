using Beratungspass.Accounts;
using Marten;

namespace Beratungspass.Web.Admin.Accounts;

/// <summary>The checks the account forms share, with their messages.</summary>
public static class AccountForm
{
    public static void Check(AdminPageModel page, string? id, string? displayName, Role? role, string? password)
    {
        if (!AccountRules.IsValidSignInName(id))
        {
            page.AddError("id", "Der Benutzername besteht aus 3–64 Kleinbuchstaben, Ziffern, Punkten oder Bindestrichen.", "The user name consists of 3–64 lower-case letters, digits, dots or hyphens.");
        }

        CheckDetails(page, displayName, role);
        CheckPassword(page, password, id ?? "");
    }

    public static void CheckDetails(AdminPageModel page, string? displayName, Role? role)
    {
        if (!AccountRules.IsValidDisplayName(displayName))
        {
            page.AddError("display-name", "Bitte einen Namen mit höchstens 100 Zeichen eingeben.", "Please enter a name of at most 100 characters.");
        }

        if (role is null || !Enum.IsDefined(role.Value))
        {
            page.AddError("role", "Bitte eine Rolle wählen.", "Please choose a role.");
        }
    }

    public static void CheckPassword(AdminPageModel page, string? password, string signInName)
    {
        switch (AccountRules.CheckPassword(password, signInName))
        {
            case PasswordProblem.TooShort:
                page.AddError("password", "Das Passwort braucht mindestens 12 Zeichen.", "The password needs at least 12 characters.");
                break;
            case PasswordProblem.TooLong:
                page.AddError("password", "Das Passwort darf höchstens 128 Zeichen haben.", "The password may have at most 128 characters.");
                break;
            case PasswordProblem.SameAsSignInName:
                page.AddError("password", "Das Passwort darf den Benutzernamen nicht enthalten.", "The password may not contain the user name.");
                break;
        }
    }

    /// <summary>A subject names one person at the provider, so at most one account may carry it.</summary>
    public static async Task CheckExternalSubjectAsync(AdminPageModel page, IQuerySession session, string? subject, string? accountId, CancellationToken cancellation)
    {
        if (!AccountRules.IsValidExternalSubject(subject))
        {
            page.AddError("external-subject", "Die Kennung darf höchstens 255 Zeichen ohne Steuerzeichen haben.", "The subject may have at most 255 characters and no control characters.");
            return;
        }

        if (subject is not null && await session.Query<Account>().AnyAsync(a => a.ExternalSubject == subject && a.Id != accountId, cancellation))
        {
            page.AddError("external-subject", "Diese Kennung ist schon einem anderen Konto zugeordnet.", "This subject already belongs to another account.");
        }
    }
}
