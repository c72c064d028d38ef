using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Beratungspass.Referrals.Requesting;
using NodaTime;
using NodaTime.Text;

namespace Beratungspass.Tests.Referrals;

/// <summary>Calls of the referral API as a counsellor's system makes them.</summary>
public static class ReferralCalls
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>A call to the receiving service a few minutes before now (by the given clock, else the real one).</summary>
    public static object Call(IClock? clock = null, string reached = "Frau Beispiel", string result = "agreed", string? note = "Termin Dienstag 10 Uhr") =>
        new { reached, calledAt = CalledAt(clock), result, note };

    /// <summary>Ten minutes ago by the given clock (else the real one), as the API takes instants.</summary>
    public static string CalledAt(IClock? clock = null) =>
        InstantPattern.ExtendedIso.Format((clock ?? SystemClock.Instance).GetCurrentInstant().Minus(Duration.FromMinutes(10)));

    /// <summary>A referral request as the referral form sends it; every part can be left out or replaced.</summary>
    public static Dictionary<string, object?> Body(
        string passCode, string? presenceToken, string? referralId = null, string toServiceId = "jmd-caritas-luenen", string[]? topics = null,
        IClock? clock = null, string? language = "ar", string? textVersion = ReleaseTextVersion.Current) => new()
    {
        ["referralId"] = referralId ?? NewId(),
        ["passCode"] = passCode,
        ["presenceToken"] = presenceToken,
        ["toServiceId"] = toServiceId,
        ["topics"] = topics ?? ["education", "work"],
        ["coordination"] = Call(clock),
        ["note"] = "Bitte um Rückruf",
        ["release"] = textVersion is null ? null : new { textVersion, language },
    };

    public static Task<HttpResponseMessage> RequestAsync(HttpClient client, object body) => client.PostAsJsonAsync("/api/v1/referrals", body, Ct);

    /// <summary>Refers the pass (201) and answers the referral as the referrer sees it.</summary>
    public static async Task<JsonElement> RequestedAsync(HttpClient client, object body)
    {
        using var answer = await RequestAsync(client, body);
        return await IntakeCalls.OkBodyAsync(answer, HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> StepAsync(HttpClient client, string referralId, string step, object body) =>
        client.PostAsJsonAsync($"/api/v1/referrals/{referralId}/{step}", body, Ct);

    /// <summary>Takes a step that must succeed; answers the referral afterwards.</summary>
    public static async Task<JsonElement> SteppedAsync(HttpClient client, string referralId, string step, object body)
    {
        using var answer = await StepAsync(client, referralId, step, body);
        return await IntakeCalls.OkBodyAsync(answer, HttpStatusCode.OK);
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var answer = await client.GetAsync(path, Ct);
        return await IntakeCalls.OkBodyAsync(answer, HttpStatusCode.OK);
    }

    public static long VersionOf(JsonElement referral) => referral.GetProperty("version").GetInt64();

    public static string IdOf(JsonElement referral) => referral.GetProperty("referralId").GetString()!;

    /// <summary>The referral with this id in an inbox or outbox answer, or null.</summary>
    public static JsonElement? Find(JsonElement list, string referralId) =>
        list.GetProperty("referrals").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(r => IdOf(r!.Value) == referralId);
}
