using System.Net;
using System.Text.Json;
using Beratungspass.ServiceDirectory;

namespace Beratungspass.Tests.ServiceDirectory.Hsds;

/// <summary>The HSDS export and every answer of the HSDS API conform to HSDS 3.0: fields, formats, enumerations, the pagination envelope.</summary>
public sealed class HsdsConformanceTests(HsdsConformanceTests.Host host) : IClassFixture<HsdsConformanceTests.Host>
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

    private async Task<DirectorySnapshot> DirectoryAsync() => await host.Services.GetRequiredService<DirectoryCatalog>().CurrentAsync(Ct);

    private async Task<JsonElement> GetAsync(string path)
    {
        using var client = host.Client();
        using var answer = await client.GetAsync(path, Ct);
        var body = await answer.Content.ReadAsStringAsync(Ct);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)answer.StatusCode}: {body}");
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
        return HsdsTestEntries.Parse(body);
    }

    /// <summary>Walks every page and checks each envelope; returns all contents.</summary>
    private async Task<List<JsonElement>> AllPagesAsync(string path, int perPage)
    {
        var items = new List<JsonElement>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var page = 1; ; page++)
        {
            var answer = await GetAsync($"{path}{separator}page={page}&per_page={perPage}");
            items.AddRange(HsdsChecker.Page(answer, perPage, path));
            Assert.Equal(page, answer.GetProperty("page_number").GetInt32());
            if (answer.GetProperty("last_page").GetBoolean())
            {
                Assert.Equal(items.Count, answer.GetProperty("total_items").GetInt32());
                return items;
            }
        }
    }

    [Fact]
    public async Task The_export_conforms_to_HSDS_3_and_holds_every_organization_and_service_retired_ones_included()
    {
        var directory = await DirectoryAsync();
        using var client = host.Client();
        using var answer = await client.GetAsync("/directory/export/hsds.json", Ct);
        var export = HsdsTestEntries.Parse(await answer.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("attachment", answer.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^beratungspass-verzeichnis-hsds-\d{4}-\d{2}-\d{2}\.json$", answer.Content.Headers.ContentDisposition?.FileNameStar ?? answer.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("3.0", export.GetProperty("hsds_version").GetString());
        var organizations = export.GetProperty("organizations").EnumerateArray().ToList();
        for (var i = 0; i < organizations.Count; i++)
        {
            HsdsChecker.Conforms(organizations[i], "organization", $"$.organizations[{i}]");
        }

        foreach (var taxonomy in export.GetProperty("taxonomies").EnumerateArray())
        {
            HsdsChecker.Conforms(taxonomy, "taxonomy");
        }

        foreach (var term in export.GetProperty("taxonomy_terms").EnumerateArray())
        {
            HsdsChecker.Conforms(term, "taxonomy_term");
        }

        var services = organizations.SelectMany(o => o.GetProperty("services").EnumerateArray()).ToList();
        Assert.Equal(directory.Organizations.Select(o => o.HsdsId).Order(), organizations.Select(o => o.GetProperty("id").GetGuid()).Order());
        Assert.Equal(directory.Services.Select(s => s.HsdsId).Order(), services.Select(s => s.GetProperty("id").GetGuid()).Order());
        var retired = directory.Service(HsdsTestEntries.RetiredService)!.HsdsId;
        Assert.Equal("defunct", services.Single(s => s.GetProperty("id").GetGuid() == retired).GetProperty("status").GetString());
        // Every topic a service names is a term listed in the export.
        var terms = export.GetProperty("taxonomy_terms").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToHashSet();
        Assert.All(services.SelectMany(s => s.GetProperty("attributes").EnumerateArray()).Where(a => a.GetProperty("link_type").GetString() == "topic"),
            a => Assert.Contains(a.GetProperty("taxonomy_term_id").GetGuid(), terms));
    }

    [Fact]
    public async Task The_service_list_conforms_and_walking_its_pages_yields_every_service_exactly_once()
    {
        var directory = await DirectoryAsync();

        var items = await AllPagesAsync("/hsds/services", perPage: 7);
        var full = await AllPagesAsync("/hsds/services?full=true", perPage: 11);

        Assert.Equal(directory.Services.Count, items.Count);
        Assert.Equal(directory.Services.Select(s => s.HsdsId).Order(), items.Select(s => s.GetProperty("id").GetGuid()).Order());
        Assert.All(items, s =>
        {
            HsdsChecker.Conforms(s, "service");
            // The list has the one-to-one fields only.
            Assert.False(s.TryGetProperty("service_at_locations", out _));
        });
        Assert.Equal(items.Select(s => s.GetProperty("id").GetGuid()), full.Select(s => s.GetProperty("id").GetGuid()));
        Assert.All(full, s =>
        {
            HsdsChecker.Conforms(s, "service");
            Assert.True(s.TryGetProperty("service_at_locations", out _));
        });
    }

    [Fact]
    public async Task Every_service_and_organization_answers_fully_nested_and_conforming()
    {
        var directory = await DirectoryAsync();

        foreach (var service in directory.Services)
        {
            var answer = await GetAsync($"/hsds/services/{service.HsdsId}");
            HsdsChecker.Conforms(answer, "service", $"/hsds/services/{service.HsdsId}");
            Assert.Equal(directory.Organization(service.OrganizationId)!.HsdsId, answer.GetProperty("organization").GetProperty("id").GetGuid());
            Assert.All(answer.GetProperty("service_at_locations").EnumerateArray(),
                at => Assert.Equal(at.GetProperty("location_id").GetGuid(), at.GetProperty("location").GetProperty("id").GetGuid()));
        }

        foreach (var organization in directory.Organizations)
        {
            foreach (var query in new[] { "", "?full_service=true" })
            {
                var answer = await GetAsync($"/hsds/organizations/{organization.HsdsId}{query}");
                HsdsChecker.Conforms(answer, "organization", $"/hsds/organizations/{organization.HsdsId}{query}");
                Assert.Equal(directory.ServicesOf(organization.OrganizationId).Count(), answer.GetProperty("services").GetArrayLength());
            }
        }
    }

    [Theory]
    [InlineData("/hsds/organizations", "organization")]
    [InlineData("/hsds/organizations?full=true", "organization")]
    [InlineData("/hsds/organizations?full_service=true", "organization")]
    [InlineData("/hsds/taxonomies", "taxonomy")]
    [InlineData("/hsds/taxonomy_terms", "taxonomy_term")]
    public async Task Every_list_conforms_page_by_page(string path, string entity)
    {
        var items = await AllPagesAsync(path, perPage: 4);

        Assert.NotEmpty(items);
        Assert.Equal(items.Count, items.Select(i => i.GetProperty("id").GetGuid()).Distinct().Count());
        Assert.All(items, item => HsdsChecker.Conforms(item, entity, path));
        foreach (var item in items.Where(_ => !path.Contains('?', StringComparison.Ordinal)))
        {
            var path1 = path.Split('?')[0];
            HsdsChecker.Conforms(await GetAsync($"{path1}/{item.GetProperty("id").GetGuid()}"), entity, path1 + "/{id}");
        }
    }

    [Fact]
    public async Task The_minimal_list_gives_id_and_last_modified_of_every_service()
    {
        var directory = await DirectoryAsync();

        var items = await AllPagesAsync("/hsds/services?minimal=true", perPage: 200);

        Assert.Equal(directory.Services.Count, items.Count);
        Assert.All(items, item =>
        {
            Assert.Equal(["id", "last_modified"], item.EnumerateObject().Select(p => p.Name));
            Assert.DoesNotContain(HsdsChecker.Check(item, "service"), p => !p.Contains("required", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task The_API_root_names_the_HSDS_version_and_where_its_description_is()
    {
        var root = await GetAsync("/hsds/");

        Assert.Equal("3.0", root.GetProperty("version").GetString());
        Assert.True(Uri.IsWellFormedUriString(root.GetProperty("profile").GetString(), UriKind.Absolute));
        Assert.True(Uri.IsWellFormedUriString(root.GetProperty("openapi_url").GetString(), UriKind.Absolute));
    }

    [Fact]
    public async Task Filters_return_exactly_the_matching_services()
    {
        var directory = await DirectoryAsync();
        var organization = directory.Organization(HsdsTestEntries.Organization)!;
        var term = Beratungspass.ServiceDirectory.HsdsIds.TaxonomyTerm("residence-law");

        var byOrganization = HsdsChecker.Page(await GetAsync($"/hsds/services?organization_id={organization.HsdsId}&per_page=200"), 200);
        var byTerm = HsdsChecker.Page(await GetAsync($"/hsds/services?taxonomy_term_id={term}&per_page=200"), 200);
        var bySearch = HsdsChecker.Page(await GetAsync("/hsds/services?search=HSDS-Testberatung"), 50);
        var future = HsdsChecker.Page(await GetAsync("/hsds/services?modified_after=2999-01-01T00:00:00Z"), 50);
        var past = HsdsChecker.Page(await GetAsync("/hsds/services?modified_after=2000-01-01&per_page=200"), 200);

        Assert.Equal(directory.ServicesOf(HsdsTestEntries.Organization).Select(s => s.HsdsId).Order(), byOrganization.Select(s => s.GetProperty("id").GetGuid()).Order());
        Assert.Equal(directory.Services.Where(s => s.Details.Topics.Contains("residence-law")).Select(s => s.HsdsId).Order(), byTerm.Select(s => s.GetProperty("id").GetGuid()).Order());
        Assert.Equal(directory.Service(HsdsTestEntries.FullService)!.HsdsId, bySearch[0].GetProperty("id").GetGuid());
        Assert.Empty(future);
        Assert.Equal(directory.Services.Count, past.Count);
    }

    [Theory]
    [InlineData("/hsds/services?page=0", "page")]
    [InlineData("/hsds/services?page=-1", "page")]
    [InlineData("/hsds/services?page=eins", "page")]
    [InlineData("/hsds/services?page=1.5", "page")]
    [InlineData("/hsds/services?page=99999999999999999999", "page")]
    [InlineData("/hsds/services?page=1&page=2", "page")]
    [InlineData("/hsds/services?per_page=0", "per_page")]
    [InlineData("/hsds/services?per_page=-5", "per_page")]
    [InlineData("/hsds/services?per_page=viele", "per_page")]
    [InlineData("/hsds/services?taxonomy_term_id=residence-law", "taxonomy_term_id")]
    [InlineData("/hsds/services?organization_id=kim-nord", "organization_id")]
    [InlineData("/hsds/services?modified_after=gestern", "modified_after")]
    [InlineData("/hsds/services?full=vielleicht", "full")]
    [InlineData("/hsds/services?format=ndjson", "format")]
    [InlineData("/hsds/organizations?full_service=ja", "full_service")]
    [InlineData("/hsds/organizations?page=0", "page")]
    [InlineData("/hsds/taxonomy_terms?parent_id=x", "parent_id")]
    [InlineData("/hsds/taxonomies?per_page=%00", "per_page")]
    public async Task A_malformed_query_parameter_is_a_400_problem_naming_it(string path, string parameter)
    {
        using var client = host.Client();

        using var answer = await client.GetAsync(path, Ct);

        var problem = await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.BadRequest, "hsds-query-invalid");
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_huge_per_page_is_served_as_200_and_a_page_after_the_last_is_empty()
    {
        var directory = await DirectoryAsync();

        var huge = await GetAsync("/hsds/services?per_page=100000000000000000000");
        var beyond = await GetAsync("/hsds/services?page=999999999&per_page=200");

        Assert.Equal(Math.Min(200, directory.Services.Count), HsdsChecker.Page(huge, 200).Count);
        Assert.Empty(HsdsChecker.Page(beyond, 200));
        Assert.True(beyond.GetProperty("last_page").GetBoolean());
    }

    [Theory]
    [InlineData("/hsds/services/00000000-0000-0000-0000-000000000000")]
    [InlineData("/hsds/services/kim-nord-case-management")]
    [InlineData("/hsds/services/%3Cscript%3E")]
    [InlineData("/hsds/organizations/6ba7b811-9dad-11d1-80b4-00c04fd430c8")]
    [InlineData("/hsds/organizations/1")]
    [InlineData("/hsds/taxonomies/6ba7b811-9dad-11d1-80b4-00c04fd430c8")]
    [InlineData("/hsds/taxonomy_terms/residence-law")]
    public async Task An_unknown_or_malformed_id_is_a_404_problem(string path)
    {
        using var client = host.Client();

        using var answer = await client.GetAsync(path, Ct);

        await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.NotFound, "hsds-not-found");
    }

    [Fact]
    public async Task Paths_and_methods_the_API_does_not_have_answer_with_problem_documents()
    {
        using var client = host.Client();

        using var unknown = await client.GetAsync("/hsds/service_at_locations", Ct);
        using var post = await client.PostAsync("/hsds/services", new StringContent("{}"), Ct);

        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(post, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Theory]
    [InlineData("/hsds/services?search=%00%01%02")]
    [InlineData("/hsds/services?search=%F0%9F%98%80%D8%B9")]
    [InlineData("/hsds/services?modified_after=2026-13-45")]
    [InlineData("/hsds/services?modified_after=2026-03-29T02:30:00")]
    [InlineData("/hsds/services?page=%FF")]
    [InlineData("/hsds/services/%20")]
    [InlineData("/hsds/services/..%2F..%2Fetc")]
    [InlineData("/hsds/organizations?search=<script>")]
    [InlineData("/hsds/taxonomy_terms?taxonomy_id=00000000-0000-0000-0000-000000000000&top_only=true")]
    [InlineData("/directory/export/hsds.json?page=x")]
    public async Task Odd_requests_get_an_answer_never_a_server_error(string path)
    {
        using var client = host.Client();

        using var answer = await client.GetAsync(path, Ct);

        Assert.True((int)answer.StatusCode < 500, $"{path} answered {(int)answer.StatusCode}");
        ProblemAssert.HasNoInternals(await answer.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_search_longer_than_200_characters_is_refused()
    {
        using var client = host.Client();

        using var answer = await client.GetAsync("/hsds/services?search=" + new string('a', 201), Ct);

        await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.BadRequest, "hsds-query-invalid");
    }
}
