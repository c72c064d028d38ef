using System.Net;
using System.Text.Json;
using Beratungspass.ServiceDirectory;
using Marten;

namespace Beratungspass.Tests.ServiceDirectory.Hsds;

/// <summary>Staff-only contacts (names, direct numbers, e-mail addresses) appear in no answer of the HSDS API and in neither export.</summary>
public sealed class StaffContactsStayInternalTests(StaffContactsStayInternalTests.Host host) : IClassFixture<StaffContactsStayInternalTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres)
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await HsdsTestEntries.AddAsync(this);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every name, phone and e-mail of a staff contact in the store, except what the directory also publishes itself.</summary>
    private async Task<List<string>> SecretsAsync()
    {
        await using var query = host.Store.QuerySession();
        var services = await query.Query<DirectoryService>().ToListAsync(Ct);
        var organizations = await query.Query<DirectoryOrganization>().ToListAsync(Ct);
        var published = organizations.SelectMany(o => o.Details.Phones.Select(p => p.Number).Append(o.Details.Email))
            .Concat(services.SelectMany(s => s.Details.Phones.Select(p => p.Number).Append(s.Details.Email)))
            .OfType<string>().ToHashSet();
        var secrets = services.SelectMany(s => s.StaffContacts).SelectMany(c => new[] { c.Name, c.Phone, c.Email })
            .OfType<string>().Where(v => !published.Contains(v)).Distinct().ToList();
        Assert.Contains(HsdsTestEntries.Staff[0].Name, secrets);
        return secrets;
    }

    /// <summary>Every address of the API with every id, and both exports.</summary>
    private async Task<List<string>> PathsAsync()
    {
        var directory = await host.Services.GetRequiredService<DirectoryCatalog>().CurrentAsync(Ct);
        return
        [
            "/directory/export/hsds.json",
            "/directory/export/services.csv",
            "/hsds/",
            "/hsds/services?per_page=200",
            "/hsds/services?per_page=200&full=true",
            "/hsds/services?per_page=200&minimal=true",
            "/hsds/organizations?per_page=200",
            "/hsds/organizations?per_page=200&full=true",
            "/hsds/organizations?per_page=200&full_service=true",
            "/hsds/taxonomies",
            "/hsds/taxonomy_terms",
            .. directory.Services.Select(s => $"/hsds/services/{s.HsdsId}"),
            .. directory.Organizations.Select(o => $"/hsds/organizations/{o.HsdsId}?full_service=true"),
            .. directory.Organizations.Select(o => $"/hsds/organizations/{o.HsdsId}"),
        ];
    }

    [Fact]
    public async Task No_staff_contact_appears_in_any_API_answer_or_export()
    {
        var secrets = await SecretsAsync();
        using var client = host.Client();

        foreach (var path in await PathsAsync())
        {
            using var answer = await client.GetAsync(path, Ct);
            var body = await answer.Content.ReadAsStringAsync(Ct);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{path}: {(int)answer.StatusCode}");
            // JSON escapes some characters (O'… → O\u0027…): look at the decoded strings too.
            var texts = path.EndsWith(".csv", StringComparison.Ordinal) ? [body] : Strings(JsonDocument.Parse(body).RootElement).Prepend(body).ToList();
            foreach (var secret in secrets)
            {
                Assert.False(texts.Any(t => t.Contains(secret, StringComparison.OrdinalIgnoreCase)), $"{path} shows the staff contact detail \"{secret}\".");
            }
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.String => [element.GetString()!],
        _ => [],
    };
}
