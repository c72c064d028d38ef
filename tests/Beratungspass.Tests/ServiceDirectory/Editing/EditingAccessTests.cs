using System.Net;
using Beratungspass.ServiceDirectory;
using Microsoft.AspNetCore.Routing;

namespace Beratungspass.Tests.ServiceDirectory.Editing;

/// <summary>
/// Only coordinators and administrators edit the directory. Pages are read from the app's own routes, so
/// an edit page added later falls under the same checks.
/// </summary>
public sealed class EditingAccessTests(EditingAccessTests.Host host) : IClassFixture<EditingAccessTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every page under /directory/edit, with an existing organization and service for the ids.</summary>
    private List<string> EditPages()
    {
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("/directory/edit", StringComparison.Ordinal))
            .Distinct()
            .Select(p => p.Replace("organizations/{id}", "organizations/mbe-awo-unna", StringComparison.Ordinal)
                .Replace("services/{id}", "services/mbe-awo-unna", StringComparison.Ordinal))
            .Select(p => p == "/directory/edit/services/new" ? p + "?organization=mbe-awo-unna" : p)
            .ToList();
        Assert.Contains("/directory/edit", routes);
        Assert.Contains("/directory/edit/services/mbe-awo-unna/history", routes);
        Assert.Contains("/directory/edit/services/new?organization=mbe-awo-unna", routes);
        return routes;
    }

    [Fact]
    public async Task Counsellors_get_403_from_every_directory_edit_page_and_change_nothing()
    {
        using var counsellor = await host.SignedInAsync();
        var before = await StoredRows.CountAsync(host.ConnectionString);

        foreach (var path in EditPages())
        {
            using var get = await counsellor.GetAsync(path, Ct);
            using var post = await counsellor.PostAsync(path, new FormUrlEncodedContent([new("Name", "Übernommen"), new("Version", "1")]), Ct);
            Assert.True(get.StatusCode == HttpStatusCode.Forbidden, $"GET {path} answered {(int)get.StatusCode}");
            Assert.Contains("Keine Berechtigung", await get.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"POST {path} answered {(int)post.StatusCode}");
        }

        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_directory_edit_page()
    {
        using var anonymous = host.Client();

        foreach (var path in EditPages())
        {
            using var get = await anonymous.GetAsync(path, Ct);
            Assert.True(get.StatusCode == HttpStatusCode.Redirect, $"GET {path} answered {(int)get.StatusCode}");
            Assert.StartsWith("/sign-in", get.Headers.Location?.PathAndQuery ?? get.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("koordination.kim", "Demo-Koordination-2026")]
    [InlineData("admin", "Demo-Admin-2026")]
    public async Task Coordinators_and_administrators_open_every_directory_edit_page_and_find_it_in_the_navigation(string user, string password)
    {
        using var client = await host.SignedInAsync(user, password);

        foreach (var path in EditPages().Where(p => p != "/directory/edit/import"))
        {
            var html = await Forms.PageAsync(client, path);
            Assert.Contains("href=\"/directory/edit\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Counsellors_find_no_directory_editing_in_the_navigation()
    {
        using var counsellor = await host.SignedInAsync();

        var html = await Forms.PageAsync(counsellor, "/passes/find");

        Assert.DoesNotContain("href=\"/directory/edit\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_entries_answer_404()
    {
        using var coordinator = await host.SignedInAsync("koordination.kim", "Demo-Koordination-2026");

        foreach (var path in new[] { "/directory/edit/organizations/gibt-es-nicht", "/directory/edit/services/gibt-es-nicht",
                     "/directory/edit/services/gibt-es-nicht/history", "/directory/edit/services/new?organization=gibt-es-nicht", "/directory/edit/services/new" })
        {
            using var answer = await coordinator.GetAsync(path, Ct);
            Assert.True(answer.StatusCode == HttpStatusCode.NotFound, $"GET {path} answered {(int)answer.StatusCode}");
        }

        await using var session = host.Store.QuerySession();
        Assert.NotNull(await session.LoadAsync<DirectoryService>(DirectoryStreams.Service("mbe-awo-unna"), Ct));
    }
}
