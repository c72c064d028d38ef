using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Beratungspass.Passes;
using Marten;

namespace Beratungspass.Tests.Infrastructure;

/// <summary>What the API answered about a pass, as the tests need it.</summary>
public sealed record IssuedPass(string PassCode, int Generation, long Version)
{
    /// <summary>The code without separators, as it appears in URLs.</summary>
    public string CodeValue => PassCode.Replace("-", "", StringComparison.Ordinal);

    public static IssuedPass From(JsonElement body) => new(
        body.GetProperty("passCode").GetString()!,
        body.GetProperty("generation").GetInt32(),
        body.GetProperty("version").GetInt64());
}

/// <summary>Calls of the pass API that tests use to set up their own passes.</summary>
public static class PassesApi
{
    public static async Task<IssuedPass> IssueAsync(HttpClient client, string language = "de", string? ageBand = "27-44", string pin = "4829")
    {
        using var response = await client.PostAsJsonAsync("/api/v1/passes", new { preferredLanguage = language, ageBand, pin }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Issuing answered {(int)response.StatusCode}: {body}");
        return IssuedPass.From(JsonDocument.Parse(body).RootElement);
    }

    /// <summary>The server-side card of a pass code; the pass id never leaves the server, so tests read it from the store.</summary>
    public static async Task<PassCard> CardAsync(IDocumentStore store, string passCode)
    {
        var value = Beratungspass.Passes.PassCode.Parse(passCode).Code.Value;
        await using var session = store.QuerySession();
        return await session.Query<PassCard>().SingleAsync(card => card.PassCode == value, TestContext.Current.CancellationToken);
    }
}
