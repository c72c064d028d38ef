using System.Net;
using System.Reflection;
using System.Text.Json;
using Beratungspass.Web.Infrastructure.Problems;

namespace Beratungspass.Tests.Infrastructure;

/// <summary>Checks that an answer is a problem document from the catalogue, in the asked-for language, and shows no internals.</summary>
public static class ProblemAssert
{
    private static readonly Dictionary<string, ProblemKind> Catalog = typeof(ProblemCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(ProblemKind))
        .Select(field => (ProblemKind)field.GetValue(null)!)
        .ToDictionary(kind => kind.Code);

    /// <summary>Asserts status, media type, code and the catalogue's German (default) or English text; returns the document.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, bool english = false)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)status} {code}, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        HasNoInternals(body);

        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        var kind = Catalog[code];
        Assert.Equal(kind.Type, problem.GetProperty("type").GetString());
        Assert.Equal(english ? kind.TitleEn : kind.TitleDe, problem.GetProperty("title").GetString());
        Assert.Equal(english ? kind.DetailEn : kind.DetailDe, problem.GetProperty("detail").GetString());
        return problem;
    }

    /// <summary>No exception names, stack frames or library internals in what a client reads.</summary>
    public static void HasNoInternals(string body)
    {
        foreach (var leak in new[] { "Exception", "   at ", ".cs:line", "Npgsql", "Marten", "System." })
        {
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
        }
    }

    /// <summary>Sends the same request again with <c>Accept-Language: en</c>.</summary>
    public static HttpRequestMessage InEnglish(this HttpRequestMessage request)
    {
        request.Headers.AcceptLanguage.ParseAdd("en");
        return request;
    }
}
