using Beratungspass.Accounts;
using Beratungspass.Accounts.SigningIn;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace Beratungspass.Web.SignIn;

/// <summary>
/// Checks a sign-in name and password and counts wrong passwords (see <see cref="SignInLockout"/>). The
/// counters are on the account with optimistic concurrency, so attempts made at once are all counted.
/// Unknown names, wrong passwords, locked and disabled accounts all take one password hash's time and come
/// back as the same null, so the answer does not tell whether a name exists.
/// </summary>
public sealed class PasswordSignIn(IDocumentStore store, IPasswordHasher<Account> hasher, IClock clock, ILogger<PasswordSignIn> logger)
{
    private const int MaximumNameLength = 100;

    // Hashed once per process: checking against it costs what checking a real account costs.
    private static readonly Lazy<string> UnknownAccountHash = new(() =>
        new PasswordHasher<Account>().HashPassword(null!, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    /// <returns>The account when the password is right and the account may sign in; null otherwise.</returns>
    public async Task<Account?> SignInAsync(string? name, string? password, CancellationToken cancellation)
    {
        name = name?.Trim();
        password ??= "";
        for (var attempt = 0; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var account = string.IsNullOrEmpty(name) || name.Length > MaximumNameLength ? null : await session.LoadAsync<Account>(name, cancellation);
            if (account is null)
            {
                hasher.VerifyHashedPassword(null!, UnknownAccountHash.Value, password);
                return null;
            }

            var now = clock.GetCurrentInstant();
            var verified = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
            var wasLocked = SignInLockout.IsLocked(account, now);
            var decision = SignInLockout.Decide(account, verified != PasswordVerificationResult.Failed, now);
            var changed = decision.FailedSignIns != account.FailedSignIns || decision.LockedUntil != account.LockedUntil;
            account.FailedSignIns = decision.FailedSignIns;
            account.LockedUntil = decision.LockedUntil;
            if (decision.Outcome == SignInOutcome.SignedIn && verified == PasswordVerificationResult.SuccessRehashNeeded)
            {
                account.PasswordHash = hasher.HashPassword(account, password);
                changed = true;
            }

            if (changed)
            {
                session.Store(account);
                try
                {
                    await session.SaveChangesAsync(cancellation);
                }
                catch (ConcurrencyException) when (attempt < 20)
                {
                    // Another attempt on this account was counted meanwhile: decide again on top of it.
                    continue;
                }
            }

            if (decision.Outcome == SignInOutcome.Locked && !wasLocked)
            {
                // The pseudonym, not the sign-in name: logs stay free of names; administrators can look it up.
                logger.LogWarning("Account {Pseudonym} locked for {Minutes} minutes after {Failures} wrong passwords",
                    account.Pseudonym, SignInLockout.LockDuration.TotalMinutes, SignInLockout.MaximumFailures);
            }

            return decision.Outcome == SignInOutcome.SignedIn ? account : null;
        }
    }
}
