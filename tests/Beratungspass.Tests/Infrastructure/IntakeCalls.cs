using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Beratungspass.Infrastructure;
using NodaTime;
using NodaTime.Text;

namespace Beratungspass.Tests.Infrastructure;

/// <summary>A pass ready for intake: issued, a consent given with the client's PIN, and the presence proof that came with it.</summary>
public sealed record ReadyPass(IssuedPass Pass, string ConsentId, string PresenceToken);

/// <summary>Calls of the intake API (presence, consent, history, contacts) as a counsellor's system makes them.</summary>
public static class IntakeCalls
{
    /// <summary>The PIN <see cref="PassesApi.IssueAsync"/> gives new passes.</summary>
    public const string ClientPin = "4829";

    public static readonly string[] AllPurposes = ["show-history", "record-contacts", "referrals", "statistics"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Today in Kreis Unna by the real clock (hosts without a <see cref="TestClock"/>).</summary>
    public static LocalDate Today => SystemClock.Instance.GetCurrentInstant().InZone(MartenConfiguration.Zone).Date;

    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static Task<HttpResponseMessage> PresenceAsync(HttpClient client, IssuedPass pass, string? pin) =>
        client.PostAsJsonAsync($"/api/v1/passes/{pass.CodeValue}/presence", new { pin }, Ct);

    /// <summary>The client types the right PIN; answers the presence proof.</summary>
    public static async Task<string> PresenceTokenAsync(HttpClient client, IssuedPass pass, string pin = ClientPin)
    {
        using var answer = await PresenceAsync(client, pass, pin);
        var body = await OkBodyAsync(answer, HttpStatusCode.OK);
        return body.GetProperty("presenceToken").GetString()!;
    }

    public static Task<HttpResponseMessage> GrantAsync(
        HttpClient client, IssuedPass pass, string? pin = ClientPin, string scope = "whole-network", string[]? institutionIds = null,
        string[]? purposes = null, LocalDate? validUntil = null) =>
        client.PostAsJsonAsync($"/api/v1/passes/{pass.CodeValue}/consents", new
        {
            scope,
            institutionIds = institutionIds ?? [],
            purposes = purposes ?? AllPurposes,
            validUntil = Iso(validUntil ?? Today.PlusYears(1)),
            pin,
        }, Ct);

    /// <summary>Grants a consent (by default: whole network, every purpose, a year) and answers its id and the presence proof.</summary>
    public static async Task<(string ConsentId, string PresenceToken)> ConsentAsync(
        HttpClient client, IssuedPass pass, string scope = "whole-network", string[]? institutionIds = null, string[]? purposes = null)
    {
        using var answer = await GrantAsync(client, pass, ClientPin, scope, institutionIds, purposes);
        var body = await OkBodyAsync(answer, HttpStatusCode.Created);
        return (body.GetProperty("consentId").GetString()!, body.GetProperty("presenceToken").GetString()!);
    }

    /// <summary>A new pass with a whole-network consent for every purpose, given at this counsellor's desk.</summary>
    public static async Task<ReadyPass> ReadyAsync(HttpClient client)
    {
        var pass = await PassesApi.IssueAsync(client, pin: ClientPin);
        var (consentId, presenceToken) = await ConsentAsync(client, pass);
        return new ReadyPass(pass, consentId, presenceToken);
    }

    public static Task<HttpResponseMessage> WithdrawAsync(HttpClient client, IssuedPass pass, string consentId, string? pin = ClientPin) =>
        client.PostAsJsonAsync($"/api/v1/passes/{pass.CodeValue}/consents/{Uri.EscapeDataString(consentId)}/withdrawal", new { pin }, Ct);

    public static Task<HttpResponseMessage> HistoryAsync(HttpClient client, IssuedPass pass, string? presenceToken) =>
        client.PostAsJsonAsync($"/api/v1/passes/{pass.CodeValue}/history", new { presenceToken }, Ct);

    /// <summary>Shows the history (recorded as a view) and answers it.</summary>
    public static async Task<JsonElement> ShownHistoryAsync(HttpClient client, IssuedPass pass, string presenceToken)
    {
        using var answer = await HistoryAsync(client, pass, presenceToken);
        return await OkBodyAsync(answer, HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> RecordAsync(
        HttpClient client, IssuedPass pass, string? presenceToken, string serviceId = "mbe-awo-unna", string[]? topics = null,
        string? contactId = null, LocalDate? date = null, string kind = "first", long? expectedVersion = null, bool confirmDuplicate = false) =>
        client.PostAsJsonAsync($"/api/v1/passes/{pass.CodeValue}/contacts", new
        {
            contactId,
            serviceId,
            date = date is { } d ? Iso(d) : null,
            topics = topics ?? ["housing"],
            kind,
            presenceToken,
            expectedVersion,
            confirmDuplicate,
        }, Ct);

    public static async Task<JsonElement> OkBodyAsync(HttpResponseMessage answer, HttpStatusCode expected)
    {
        var text = await answer.Content.ReadAsStringAsync(Ct);
        Assert.True(answer.StatusCode == expected,
            $"{answer.RequestMessage?.Method} {answer.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected}, got {(int)answer.StatusCode}: {text[..Math.Min(text.Length, 500)]}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
