using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Beratungspass.Tests.Accounts;

/// <summary>
/// What each role may reach. Counsellors work with passes and never administer; coordinators never see a
/// single pass; administrators manage institutions and accounts but see no pass. Routes are read from
/// the app itself, so pages added later fall under the same checks.
/// </summary>
public sealed partial class RoleBoundaryTests(RoleBoundaryTests.Host host) : IClassFixture<RoleBoundaryTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private const string Coordinator = "koordination.kim";
    private const string CoordinatorPassword = "Demo-Koordination-2026";
    private const string Administrator = "admin";
    private const string AdministratorPassword = "Demo-Admin-2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"\{\**([A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    /// <summary>Every route of the app starting with one of the prefixes, with sample values for its parameters.</summary>
    private List<(string Method, string Path)> Routes(params string[] prefixes) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && prefixes.Any(p => ("/" + raw.TrimStart('/')).StartsWith(p, StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (Method: method, Path: "/" + RouteParameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), m => Sample(m.Groups[1].Value)))))
            .Distinct()
            .ToList();

    private static string Sample(string parameter) => parameter switch
    {
        "passCode" => "DEM2KARTS",
        "id" => "mbe-awo-unna",
        _ => "x",
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { preferredLanguage = "de", pin = "4829", token = "x" }) : null,
        };
        return await client.SendAsync(request, Ct);
    }

    [Theory]
    [InlineData(Coordinator, CoordinatorPassword)]
    [InlineData(Administrator, AdministratorPassword)]
    public async Task Coordinators_and_administrators_are_refused_every_pass_and_intake_page(string user, string password)
    {
        using var client = await host.SignedInAsync(user, password);
        var pages = Routes("/passes", "/intake").Where(route => route.Method == "GET").ToList();

        Assert.Contains(("GET", "/passes/issue"), pages);
        Assert.Contains(("GET", "/passes/DEM2KARTS"), pages);
        foreach (var (method, path) in pages)
        {
            using var answer = await SendAsync(client, method, path);
            Assert.True(answer.StatusCode == HttpStatusCode.Forbidden, $"{user}: GET {path} answered {(int)answer.StatusCode}");
            Assert.Contains("Keine Berechtigung", await answer.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Coordinator, CoordinatorPassword)]
    [InlineData(Administrator, AdministratorPassword)]
    public async Task Coordinators_and_administrators_get_403_from_every_API_route_and_nothing_is_stored(string user, string password)
    {
        using var client = await host.SignedInAsync(user, password);
        var routes = Routes("/api/v1");
        var before = await StoredRows.CountAsync(host.ConnectionString);

        Assert.Contains(("POST", "/api/v1/passes"), routes);
        Assert.Contains(("GET", "/api/v1/passes/DEM2KARTS"), routes);
        foreach (var (method, path) in routes)
        {
            using var answer = await SendAsync(client, method, path);
            await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.Forbidden, "forbidden");
        }

        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Theory]
    [InlineData("berater.awo", "Demo-Beratung-2026")]
    [InlineData(Coordinator, CoordinatorPassword)]
    public async Task Counsellors_and_coordinators_are_refused_every_administration_page(string user, string password)
    {
        using var client = await host.SignedInAsync(user, password);
        var pages = Routes("/admin").Select(route => route.Path).ToList();

        Assert.Contains("/admin/accounts", pages);
        Assert.Contains("/admin/accounts/mbe-awo-unna", pages);
        foreach (var path in pages)
        {
            using var get = await client.GetAsync(path, Ct);
            using var post = await client.PostAsync(path, new FormUrlEncodedContent([]), Ct);
            Assert.True(get.StatusCode == HttpStatusCode.Forbidden, $"{user}: GET {path} answered {(int)get.StatusCode}");
            Assert.True(post.StatusCode == HttpStatusCode.Forbidden, $"{user}: POST {path} answered {(int)post.StatusCode}");
        }
    }

    [Fact]
    public async Task Administrators_open_every_administration_page()
    {
        using var client = await host.SignedInAsync(Administrator, AdministratorPassword);

        foreach (var path in new[] { "/admin",
                     "/admin/accounts", "/admin/accounts/new", "/admin/accounts/berater.awo", "/admin/api-clients", "/admin/changes" })
        {
            await Forms.PageAsync(client, path);
        }
    }

    [Fact]
    public async Task Counsellors_work_with_passes()
    {
        using var client = await host.SignedInAsync();

        var pass = await PassesApi.IssueAsync(client);

        await Forms.PageAsync(client, "/passes/find");
        await Forms.PageAsync(client, $"/passes/{pass.CodeValue}");
    }

    [Theory]
    [InlineData("berater.awo", "Demo-Beratung-2026", true, false)]
    [InlineData(Coordinator, CoordinatorPassword, false, false)]
    [InlineData(Administrator, AdministratorPassword, false, true)]
    public async Task The_navigation_offers_only_what_the_role_may_open(string user, string password, bool passes, bool administration)
    {
        using var client = await host.SignedInAsync(user, password);

        var page = await Forms.PageAsync(client, "/sign-in");

        Assert.Equal(passes, page.Contains("href=\"/passes/find\"", StringComparison.Ordinal));
        Assert.Equal(administration, page.Contains("href=\"/admin\"", StringComparison.Ordinal));
    }
}
