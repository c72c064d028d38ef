using System.Text.Json;
using Beratungspass.Accounts;
using Beratungspass.ServiceDirectory;
using NodaTime;
using Beratungspass.Passes;
using Beratungspass.Web.Passes.Issuing;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Beratungspass.Web.Infrastructure.Demo;

/// <summary>
/// Loads the fictional directory, accounts and passes from <c>samples/demo</c> (copied next to the app)
/// when <c>DemoData:Load</c> is true, as it is in Development. What is already there is left alone.
/// </summary>
public sealed class DemoData(IServiceProvider services, IConfiguration configuration, IClock clock, ILogger<DemoData> logger) : IHostedService
{
    /// <summary>Who the directory's history names for the sample entries.</summary>
    public const string DemoAuthor = "demo";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "samples", "demo");

    public sealed record DemoAccount(string Id, string Password, string DisplayName, string InstitutionId, Role Role);

    private sealed record DemoPass(string PassCode, string IssuingInstitutionId, ClientLanguage PreferredLanguage, AgeBand? AgeBand, string Pin, string IssuedBy);

    public static IReadOnlyList<DemoAccount> Accounts() => Read<DemoAccount>("accounts.json");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("DemoData:Load", false))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<Account>>();
        await using (var session = store.LightweightSession())
        {
            // Coordinators may have edited the directory since: only organizations and services not there yet are added.
            await DemoDirectory.AddMissingAsync(session, DemoDirectory.Load(), DemoAuthor, clock.GetCurrentInstant(), cancellationToken);

            var existing = (await session.Query<Account>().Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var demo in Accounts().Where(a => !existing.Contains(a.Id)))
            {
                var account = new Account
                {
                    Id = demo.Id,
                    DisplayName = demo.DisplayName,
                    InstitutionId = demo.InstitutionId,
                    Role = demo.Role,
                    Pseudonym = Account.NewPseudonym(),
                    PasswordHash = "",
                    SecurityStamp = Account.NewSecurityStamp(),
                };
                account.PasswordHash = hasher.HashPassword(account, demo.Password);
                session.Insert(account);
            }

            await session.SaveChangesAsync(cancellationToken);
        }

        var issuing = scope.ServiceProvider.GetRequiredService<PassIssuing>();
        await using var query = store.QuerySession();
        foreach (var pass in Read<DemoPass>("passes.json"))
        {
            var code = PassCode.Parse(pass.PassCode).Code;
            if (!await query.Query<PassCard>().AnyAsync(c => c.PassCode == code.Value, cancellationToken))
            {
                var issuer = await query.LoadAsync<Account>(pass.IssuedBy, cancellationToken);
                await issuing.IssueAsync(pass.IssuingInstitutionId, issuer?.Pseudonym ?? "demo", pass.PreferredLanguage, pass.AgeBand, pass.Pin, cancellationToken, code);
            }
        }

        logger.LogInformation("Demo data loaded from {Folder}", Folder);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static List<T> Read<T>(string file) =>
        JsonSerializer.Deserialize<List<T>>(File.ReadAllText(Path.Combine(Folder, file)), Json)
        ?? throw new InvalidDataException($"{file} in {Folder} is empty.");
}
