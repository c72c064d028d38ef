using Beratungspass.Infrastructure;

namespace Beratungspass.Accounts;

public enum PasswordProblem
{
    TooShort,
    TooLong,
    SameAsSignInName,
}

/// <summary>What an administrator may enter for an account.</summary>
public static class AccountRules
{
    /// <summary>Passwords are set by an administrator and typed by people: length is what makes them strong.</summary>
    public const int MinimumPasswordLength = 12;

    public const int MaximumPasswordLength = 128;

    public const int MaximumDisplayNameLength = 100;

    public const int MaximumExternalSubjectLength = 255;

    public static bool IsValidSignInName(string? name) => Slug.IsValid(name);

    public static bool IsValidDisplayName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= MaximumDisplayNameLength;

    public static bool IsValidExternalSubject(string? subject) =>
        subject is null || (subject.Length <= MaximumExternalSubjectLength && !subject.Any(char.IsControl));

    public static PasswordProblem? CheckPassword(string? password, string signInName)
    {
        if (password is null || password.Length < MinimumPasswordLength)
        {
            return PasswordProblem.TooShort;
        }

        if (password.Length > MaximumPasswordLength)
        {
            return PasswordProblem.TooLong;
        }

        return password.Contains(signInName, StringComparison.OrdinalIgnoreCase) ? PasswordProblem.SameAsSignInName : null;
    }
}
