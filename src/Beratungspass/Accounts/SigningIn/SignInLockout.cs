using NodaTime;

namespace Beratungspass.Accounts.SigningIn;

public enum SignInOutcome
{
    SignedIn,

    /// <summary>Wrong password, or a disabled account.</summary>
    Refused,

    /// <summary>Too many wrong passwords: nothing is checked until the lock ends.</summary>
    Locked,
}

/// <summary>The outcome of one password sign-in and the account's lockout counters after it.</summary>
public sealed record SignInAttempt(SignInOutcome Outcome, int FailedSignIns, Instant? LockedUntil);

/// <summary>
/// Five wrong passwords in a row lock an account for 15 minutes. While locked, even the right password is
/// refused, so guessing on gains nothing; a successful sign-in or an administrator's unlock resets the count.
/// </summary>
public static class SignInLockout
{
    public const int MaximumFailures = 5;

    public static readonly Duration LockDuration = Duration.FromMinutes(15);

    public static bool IsLocked(Account account, Instant now) => account.LockedUntil is { } until && until > now;

    public static SignInAttempt Decide(Account account, bool passwordCorrect, Instant now)
    {
        if (account.Disabled)
        {
            return new SignInAttempt(SignInOutcome.Refused, account.FailedSignIns, account.LockedUntil);
        }

        if (IsLocked(account, now))
        {
            return new SignInAttempt(SignInOutcome.Locked, account.FailedSignIns, account.LockedUntil);
        }

        if (passwordCorrect)
        {
            return new SignInAttempt(SignInOutcome.SignedIn, 0, null);
        }

        // A lock that has run out starts a fresh count.
        var failures = (account.LockedUntil is null ? account.FailedSignIns : 0) + 1;
        return failures >= MaximumFailures
            ? new SignInAttempt(SignInOutcome.Locked, failures, now + LockDuration)
            : new SignInAttempt(SignInOutcome.Refused, failures, null);
    }
}
