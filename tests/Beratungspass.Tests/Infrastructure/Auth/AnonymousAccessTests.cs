using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Beratungspass.Tests.Infrastructure.Auth;

/// <summary>Everything but sign-in and health is closed to anonymous callers: the API with a problem document, pages with a redirect.</summary>
public sealed partial class AnonymousAccessTests(AnonymousAccessTests.Host host) : IClassFixture<AnonymousAccessTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"\{\**([A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    [Fact]
    public async Task Every_API_route_answers_401_with_a_problem_document_without_sign_in()
    {
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) || raw.TrimStart('/').StartsWith("openapi/", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (Method: method, Path: "/" + RouteParameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), m => Sample(m.Groups[1].Value)))))
            .Distinct()
            // The API browser's own script and icon are the same public files for everyone; they carry no data.
            .Where(route => !(route.Path.StartsWith("/api/docs/", StringComparison.Ordinal) && Path.HasExtension(route.Path)))
            .ToList();
        using var client = host.Client();
        var before = await StoredRows.CountAsync(host.ConnectionString);

        Assert.Contains(("POST", "/api/v1/passes"), routes);
        Assert.Contains(("POST", "/api/v1/tokens/resolve"), routes);
        Assert.Contains(("GET", "/openapi/v1.json"), routes);
        Assert.Contains(("GET", "/api/docs/v1"), routes);
        foreach (var (method, path) in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = method == "POST" ? JsonContent.Create(new { preferredLanguage = "de", pin = "4829" }) : null,
            };
            using var answer = await client.SendAsync(request, Ct);
            await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.Unauthorized, "sign-in-required");
        }

        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Theory]
    [InlineData("/api/docs")]
    [InlineData("/api/docs/v1")]
    [InlineData("/openapi/v1.json")]
    public async Task The_API_description_is_for_signed_in_users_only(string path)
    {
        using var anonymous = host.Client();
        using var signedIn = await host.SignedInAsync();

        using var refused = await anonymous.GetAsync(path, Ct);
        using var shown = await signedIn.GetAsync(path, Ct);
        using var followed = shown.StatusCode == HttpStatusCode.Found ? await signedIn.GetAsync(new Uri(shown.RequestMessage!.RequestUri!, shown.Headers.Location!), Ct) : null;

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Unauthorized, "sign-in-required");
        Assert.Equal(HttpStatusCode.OK, (followed ?? shown).StatusCode);
        Assert.Contains("Beratungspass API", await (followed ?? shown).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/passes/issue")]
    [InlineData("/passes/find")]
    [InlineData("/passes/DEM2KARTS")]
    [InlineData("/intake")]
    [InlineData("/intake/DEM2KARTS")]
    public async Task Pages_send_anonymous_visitors_to_the_sign_in_page_and_back(string path)
    {
        using var client = host.Client();

        using var answer = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var location = answer.Headers.Location!;
        Assert.Equal("/sign-in", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_form_post_to_the_issue_page_issues_nothing()
    {
        using var client = host.Client();
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var answer = await client.PostAsync("/passes/issue", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Language"] = "de",
            ["Pin"] = "4829",
            ["PinRepeat"] = "4829",
        }), Ct);

        Assert.True(answer.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"Answered {(int)answer.StatusCode}");
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Sign_in_and_health_are_open_to_everyone(string path)
    {
        using var client = host.Client();

        using var answer = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    private static string Sample(string parameter) => parameter switch
    {
        "passCode" => "DEM2KARTS",
        "documentName" => "v1",
        _ => "x",
    };
}
