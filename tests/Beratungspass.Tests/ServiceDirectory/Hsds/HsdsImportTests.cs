using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Beratungspass.ServiceDirectory;
using Marten;

namespace Beratungspass.Tests.ServiceDirectory.Hsds;

/// <summary>What a valid import does to the directory: changes through the directory's decisions, by the coordinator, nothing else touched.</summary>
public sealed class HsdsImportTests(HsdsImportTests.Host host) : IClassFixture<HsdsImportTests.Host>
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

    private Task<HttpClient> CoordinatorAsync() => host.DeskAsync("koordination.kim", "Demo-Koordination-2026");

    private async Task<(JsonNode Root, JsonNode Organization)> FileAsync()
    {
        var root = JsonNode.Parse(await HsdsTestEntries.ExportAsync(host.Client()))!;
        var organization = root["organizations"]!.AsArray()
            .First(o => o!["organization_identifiers"]![0]!["identifier"]!.GetValue<string>() == HsdsTestEntries.Organization)!;
        return (root, organization);
    }

    private static JsonNode ServiceOf(JsonNode organization, string slug) => organization["services"]!.AsArray()
        .First(s => s!["attributes"]!.AsArray().Any(a => a!["link_type"]!.GetValue<string>() == "beratungspass-slug" && a["value"]!.GetValue<string>() == slug))!;

    private async Task<string> ImportedAsync(JsonNode root)
    {
        using var answer = await HsdsTestEntries.ImportAsync(await CoordinatorAsync(), Encoding.UTF8.GetBytes(root.ToJsonString()));
        var page = await answer.Content.ReadAsStringAsync(Ct);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, WebUtility.HtmlDecode(page));
        return page;
    }

    private async Task<DirectoryService> ServiceAsync(string slug)
    {
        await using var query = host.Store.QuerySession();
        return (await query.LoadAsync<DirectoryService>(DirectoryStreams.Service(slug), Ct))!;
    }

    [Fact]
    public async Task A_changed_service_is_changed_by_the_coordinator_and_keeps_its_staff_contacts_and_markup_stays_text()
    {
        var (root, organization) = await FileAsync();
        var service = ServiceOf(organization, HsdsTestEntries.FullService);
        const string markup = "<script>alert('übernommen')</script> & <b>fett</b>";
        service["description"] = markup;
        var before = await ServiceAsync(HsdsTestEntries.FullService);

        var page = await ImportedAsync(root);
        var after = await ServiceAsync(HsdsTestEntries.FullService);
        using var client = host.Client();
        var api = await client.GetStringAsync($"/hsds/services/{after.HsdsId}", Ct);

        Assert.Equal((0, 1), HsdsTestEntries.Count(page, "changed"));
        Assert.Equal(markup, after.Details.Description);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal("koordination.kim", after.LastModifiedBy);
        Assert.Equal(HsdsTestEntries.Staff.Select(s => s.Id), after.StaffContacts.Select(s => s.Id));
        Assert.Equal(markup, HsdsTestEntries.Parse(api).GetProperty("description").GetString());
        Assert.DoesNotContain("<script>", api, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Defunct_in_the_file_retires_the_service_and_entries_missing_from_the_file_stay_as_they_are()
    {
        var (root, organization) = await FileAsync();
        var directory = await host.Services.GetRequiredService<DirectoryCatalog>().CurrentAsync(Ct);
        ServiceOf(organization, HsdsTestEntries.AwkwardService)["status"] = "defunct";
        root["organizations"] = new JsonArray(organization.DeepClone());
        var stateBefore = await HsdsTestEntries.StateAsync(host);

        var page = await ImportedAsync(root);
        var after = await host.Services.GetRequiredService<DirectoryCatalog>().CurrentAsync(Ct);

        Assert.Equal((0, 1), HsdsTestEntries.Count(page, "retired"));
        Assert.Equal((directory.Organizations.Count - 1, directory.Services.Count - directory.ServicesOf(HsdsTestEntries.Organization).Count()), HsdsTestEntries.Count(page, "not-in-file"));
        Assert.True(after.Service(HsdsTestEntries.AwkwardService)!.Retired);
        Assert.Equal(stateBefore.Rows.Events + 1, (await HsdsTestEntries.StateAsync(host)).Rows.Events);
        Assert.All(directory.Services.Where(s => s.OrganizationId != HsdsTestEntries.Organization),
            s => Assert.Equal(s.Version, after.Service(s.ServiceId)!.Version));
    }

    [Fact]
    public async Task Entries_from_elsewhere_without_slugs_get_one_from_their_name()
    {
        var (file, organization) = await FileAsync();
        var foreign = organization.DeepClone();
        // Topic terms keep their ids: they are the network's taxonomy, which the other directory uses too.
        var ids = file["taxonomy_terms"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()).ToDictionary(id => id, id => id);
        string Fresh(string old) => ids.TryGetValue(old, out var known) ? known : ids[old] = Guid.NewGuid().ToString();
        // A copy with new UUIDs everywhere and no slugs, as another HSDS directory would send it.
        var json = System.Text.RegularExpressions.Regex.Replace(foreign.ToJsonString(), "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", m => Fresh(m.Value));
        var copy = JsonNode.Parse(json)!;
        copy["name"] = "Beratungszentrum Süd-Ost";
        copy["organization_identifiers"] = new JsonArray();
        copy["attributes"] = new JsonArray();
        copy["services"] = new JsonArray(copy["services"]!.AsArray()
            .Where(s => s!["status"]!.GetValue<string>() != "defunct")
            .Select(s =>
            {
                var service = s!.DeepClone();
                service["attributes"] = new JsonArray(service["attributes"]!.AsArray().Where(a => a!["link_type"]!.GetValue<string>() == "topic").Select(a => a!.DeepClone()).ToArray());
                return service;
            }).ToArray());
        var root = new JsonObject { ["organizations"] = new JsonArray(copy) };

        var page = await ImportedAsync(root);

        Assert.Equal((1, copy["services"]!.AsArray().Count), HsdsTestEntries.Count(page, "created"));
        await using var query = host.Store.QuerySession();
        Assert.NotNull(await query.LoadAsync<DirectoryOrganization>(DirectoryStreams.Organization("beratungszentrum-sud-ost"), Ct));
        Assert.NotNull(await query.LoadAsync<DirectoryService>(DirectoryStreams.Service("hsds-testberatung-fur-aufenthalt-und-arbeit"), Ct));
    }

    [Fact]
    public async Task A_location_still_used_by_a_service_cannot_be_removed_by_an_import()
    {
        var (root, organization) = await FileAsync();
        var before = await HsdsTestEntries.StateAsync(host);
        organization["locations"]!.AsArray().RemoveAt(0);
        organization["services"] = new JsonArray();

        using var answer = await HsdsTestEntries.ImportAsync(await CoordinatorAsync(), Encoding.UTF8.GetBytes(root.ToJsonString()));
        var page = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(".locations</code>: Dieser Standort wird noch von", page, StringComparison.Ordinal);
        Assert.Equal(before, await HsdsTestEntries.StateAsync(host));
    }
}
