using Beratungspass.Accounts;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Beratungspass.Tests.Infrastructure;

/// <summary>Accounts a test makes for itself, so no test depends on another's sign-ins or lockouts.</summary>
public static class TestAccounts
{
    public const string Password = "Test-Passwort-2026!";

    public static async Task<Account> CreateAsync(AppHost host, string id, Role role = Role.Counsellor, string institutionId = "mbe-awo-unna",
        bool disabled = false, string? externalSubject = null)
    {
        var account = new Account
        {
            Id = id,
            DisplayName = "Test " + id,
            InstitutionId = institutionId,
            Role = role,
            Pseudonym = Account.NewPseudonym(),
            PasswordHash = "",
            SecurityStamp = Account.NewSecurityStamp(),
            Disabled = disabled,
            ExternalSubject = externalSubject,
        };
        account.PasswordHash = host.Services.GetRequiredService<IPasswordHasher<Account>>().HashPassword(account, Password);
        await using var session = host.Store.LightweightSession();
        session.Insert(account);
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        return account;
    }

    public static async Task<Account> LoadAsync(AppHost host, string id)
    {
        await using var session = host.Store.QuerySession();
        return (await session.LoadAsync<Account>(id, TestContext.Current.CancellationToken))!;
    }
}
