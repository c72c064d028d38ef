using System.Net;
using System.Text;
using Beratungspass.Accounts;
using Beratungspass.ServiceDirectory;
using Marten;
using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace Beratungspass.Tests.ServiceDirectory.Hsds;

/// <summary>
/// Export from one app, import into another whose directory is empty, export again: the same file, the same
/// slugs. Both apps run on the same fixed clock, because last_modified is the time of the last change in each
/// store — with equal clocks the two stores' entries changed at the same instant.
/// </summary>
public sealed class HsdsRoundTripTests(HsdsRoundTripTests.Hosts hosts) : IClassFixture<HsdsRoundTripTests.Hosts>
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 24, 8, 15, 30).PlusNanoseconds(123_456_789);

    public sealed class Source(TestPostgres postgres) : AppHost(postgres)
    {
        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IClock>(new SettableClock(Now));
    }

    /// <summary>No sample data: the directory starts empty; one coordinator account to import with.</summary>
    public sealed class Empty(TestPostgres postgres) : AppHost(postgres)
    {
        public const string Coordinator = "import.koordination";
        public const string Password = "Import-Koordination-2026";

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["DemoData:Load"] = "false" };

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IClock>(new SettableClock(Now));

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await using var scope = Services.CreateAsyncScope();
            var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<Account>>();
            await using var session = Store.LightweightSession();
            var account = new Account
            {
                Id = Coordinator,
                DisplayName = "Import-Koordination",
                InstitutionId = "kim-nord",
                Role = Role.Coordinator,
                Pseudonym = Account.NewPseudonym(),
                PasswordHash = "",
                SecurityStamp = Account.NewSecurityStamp(),
            };
            account.PasswordHash = hasher.HashPassword(account, Password);
            session.Insert(account);
            await session.SaveChangesAsync();
        }
    }

    public sealed class Hosts(TestPostgres postgres) : IAsyncLifetime
    {
        public Source From { get; } = new(postgres);

        public Empty To { get; } = new(postgres);

        public async ValueTask InitializeAsync()
        {
            await Task.WhenAll(From.InitializeAsync().AsTask(), To.InitializeAsync().AsTask());
            await HsdsTestEntries.AddAsync(From);
        }

        public async ValueTask DisposeAsync()
        {
            await From.DisposeAsync();
            await To.DisposeAsync();
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<(string Slug, Guid HsdsId, string Organization, bool Retired)>> EntriesAsync(AppHost host)
    {
        var directory = await host.Services.GetRequiredService<DirectoryCatalog>().CurrentAsync(Ct);
        return
        [
            .. directory.Organizations.Select(o => (o.OrganizationId, o.HsdsId, "", o.Retired)),
            .. directory.Services.Select(s => (s.ServiceId, s.HsdsId, s.OrganizationId, s.Retired)),
        ];
    }

    [Fact]
    public async Task Importing_the_export_into_an_empty_directory_reproduces_it_exactly_slugs_included_and_a_second_import_changes_nothing()
    {
        using var source = hosts.From.Client();
        using var coordinator = await hosts.To.SignedInAsync(Empty.Coordinator, Empty.Password);
        await using (var empty = hosts.To.Store.QuerySession())
        {
            Assert.Empty(await empty.Query<DirectoryService>().ToListAsync(Ct));
        }

        var export = await HsdsTestEntries.ExportAsync(source);
        var sourceEntries = await EntriesAsync(hosts.From);
        using var imported = await HsdsTestEntries.ImportAsync(coordinator, export);
        var page = await imported.Content.ReadAsStringAsync(Ct);
        var again = await HsdsTestEntries.ExportAsync(hosts.To.Client());

        Assert.True(imported.StatusCode == HttpStatusCode.OK, page);
        Assert.Equal((sourceEntries.Count(e => e.Organization == ""), sourceEntries.Count(e => e.Organization != "")), HsdsTestEntries.Count(page, "created"));
        Assert.Equal((1, 2), HsdsTestEntries.Count(page, "retired"));
        Assert.Equal(export, again);
        Assert.Equal(sourceEntries, await EntriesAsync(hosts.To));

        // The same file once more: everything is recognised by its UUID, and nothing is written.
        var before = await HsdsTestEntries.StateAsync(hosts.To);
        using var second = await HsdsTestEntries.ImportAsync(coordinator, export);
        var secondPage = await second.Content.ReadAsStringAsync(Ct);

        Assert.True(second.StatusCode == HttpStatusCode.OK, secondPage);
        Assert.Equal((0, 0), HsdsTestEntries.Count(secondPage, "created"));
        Assert.Equal((0, 0), HsdsTestEntries.Count(secondPage, "changed"));
        Assert.Equal((0, 0), HsdsTestEntries.Count(secondPage, "retired"));
        Assert.Equal(HsdsTestEntries.Count(page, "created"), HsdsTestEntries.Count(secondPage, "unchanged"));
        Assert.Equal(before, await HsdsTestEntries.StateAsync(hosts.To));
    }

    [Fact]
    public async Task Importing_its_own_export_changes_nothing_and_keeps_the_staff_contacts()
    {
        using var source = hosts.From.Client();
        using var coordinator = await hosts.From.SignedInAsync("koordination.kim", "Demo-Koordination-2026");
        var export = await HsdsTestEntries.ExportAsync(source);
        var before = await HsdsTestEntries.StateAsync(hosts.From);

        using var answer = await HsdsTestEntries.ImportAsync(coordinator, Encoding.UTF8.GetBytes(export));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(before, await HsdsTestEntries.StateAsync(hosts.From));
        await using var query = hosts.From.Store.QuerySession();
        var service = await query.LoadAsync<DirectoryService>(DirectoryStreams.Service(HsdsTestEntries.FullService), Ct);
        Assert.Equal(HsdsTestEntries.Staff.Select(s => s.Name), service!.StaffContacts.Select(s => s.Name));
    }
}
