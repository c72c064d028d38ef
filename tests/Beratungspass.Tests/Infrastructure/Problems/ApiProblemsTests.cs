using System.Net;
using System.Reflection;
using System.Text;
using Beratungspass.Infrastructure;
using Beratungspass.Web.Infrastructure.Problems;

namespace Beratungspass.Tests.Infrastructure.Problems;

/// <summary>Answers the framework gives by itself (unknown address, wrong method, oversized body) are problem documents of the catalogue too.</summary>
public sealed class ApiProblemsTests(ApiProblemsTests.Host host) : IClassFixture<ApiProblemsTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "/api/v1/nothing-here", HttpStatusCode.NotFound, "not-found")]
    [InlineData("GET", "/api/v2/passes", HttpStatusCode.NotFound, "not-found")]
    [InlineData("DELETE", "/api/v1/passes/DEM2KARTS", HttpStatusCode.MethodNotAllowed, "method-not-allowed")]
    [InlineData("PUT", "/api/v1/tokens/resolve", HttpStatusCode.MethodNotAllowed, "method-not-allowed")]
    [InlineData("GET", "/api/v1/tokens/resolve", HttpStatusCode.MethodNotAllowed, "method-not-allowed")]
    public async Task Unknown_addresses_and_wrong_methods_answer_a_problem_in_German_or_English(string method, string path, HttpStatusCode status, string code)
    {
        using var client = await host.SignedInAsync();

        using var german = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);
        using var english = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path).InEnglish(), Ct);

        await ProblemAssert.IsProblemAsync(german, status, code);
        await ProblemAssert.IsProblemAsync(english, status, code, english: true);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_API_body_over_64_KB_is_refused_with_413_whether_or_not_its_length_is_announced_and_nothing_is_issued(bool announcedLength)
    {
        using var client = await host.SignedInAsync();
        var json = """{"preferredLanguage":"de","pin":"4829" """ + new string(' ', 70_000) + "}";
        HttpContent content = announcedLength
            ? new StringContent(json, Encoding.UTF8, "application/json")
            : new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json))) { Headers = { ContentType = new("application/json") } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/passes") { Content = content };
        request.Headers.TransferEncodingChunked = !announcedLength;
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var answer = await client.SendAsync(request, Ct);

        await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.RequestEntityTooLarge, "request-too-large");
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Fact]
    public void Every_problem_has_its_own_code_a_client_error_or_server_status_and_differing_German_and_English_text()
    {
        var kinds = typeof(ProblemCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(ProblemKind))
            .Select(field => (ProblemKind)field.GetValue(null)!)
            .ToList();

        Assert.Equal(kinds.Count, kinds.Select(k => k.Code).Distinct().Count());
        Assert.All(kinds, kind =>
        {
            Assert.Matches("^[a-z]+(-[a-z]+)*$", kind.Code);
            Assert.InRange(kind.Status, 400, 599);
            Assert.NotEqual(kind.TitleDe, kind.TitleEn);
            Assert.NotEqual(kind.DetailDe, kind.DetailEn);
            Assert.All(new[] { kind.TitleDe, kind.TitleEn, kind.DetailDe, kind.DetailEn }, text => Assert.False(string.IsNullOrWhiteSpace(text)));
        });
        Assert.All(Enum.GetValues<Rejection>(), rejection => Assert.Contains(ProblemCatalog.For(rejection), kinds));
    }
}
