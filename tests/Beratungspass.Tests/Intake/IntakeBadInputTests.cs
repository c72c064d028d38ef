using System.Net;
using System.Net.Http.Json;
using System.Text;
using Beratungspass.Passes;
using Beratungspass.Passes.Pins;
using static Beratungspass.Tests.Infrastructure.IntakeCalls;

namespace Beratungspass.Tests.Intake;

/// <summary>
/// Bad input at the intake API — unknown or malformed cards, unreadable or mistyped JSON, oversized
/// bodies, injection attempts — always gets a 4xx problem document and changes nothing: no event, no
/// document, no PIN attempt counted.
/// </summary>
public sealed class IntakeBadInputTests(IntakeBadInputTests.Host host) : IClassFixture<IntakeBadInputTests.Host>
{
    /// <summary>
    /// One pass ready for intake that every refused request aims at. Refused requests change nothing; the
    /// check that the valid bodies are accepted adds a view and a contact, which no refusal depends on.
    /// </summary>
    public sealed class Host(TestPostgres postgres) : AppHost(postgres)
    {
        public HttpClient Desk { get; private set; } = null!;

        public ReadyPass Ready { get; private set; } = null!;

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            Desk = await DeskAsync();
            Ready = await ReadyAsync(Desk);
        }
    }

    private const string Injection = "'; DROP TABLE beratungspass.mt_events; --";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string NextYear = Iso(Today.PlusYears(1));

    private string PathOf(string endpoint, string passCode) => endpoint switch
    {
        "withdrawal" => $"/api/v1/passes/{passCode}/consents/{host.Ready.ConsentId}/withdrawal",
        _ => $"/api/v1/passes/{passCode}/{endpoint}",
    };

    /// <summary>A body each endpoint accepts, so a refusal in the URL cases is about the URL alone.</summary>
    private string ValidBody(string endpoint) => endpoint switch
    {
        "presence" or "withdrawal" => $$"""{"pin":"{{ClientPin}}"}""",
        "consents" => $$"""{"scope":"whole-network","purposes":["show-history"],"validUntil":"{{NextYear}}","pin":"{{ClientPin}}"}""",
        "history" => $$"""{"presenceToken":"{{host.Ready.PresenceToken}}"}""",
        _ => $$"""{"serviceId":"mbe-awo-unna","topics":["housing"],"kind":"first","presenceToken":"{{host.Ready.PresenceToken}}"}""",
    };

    private static HttpRequestMessage Post(string path, string body, string mediaType = "application/json") =>
        new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    private async Task<(StoredRows Rows, int FailedAttempts)> StateAsync()
    {
        var card = await PassesApi.CardAsync(host.Store, host.Ready.Pass.PassCode);
        await using var session = host.Store.QuerySession();
        var pin = (await session.LoadAsync<PassPin>(card.Id, Ct))!;
        Assert.Null(pin.LockedUntil);
        return (await StoredRows.CountAsync(host.ConnectionString), pin.FailedAttempts);
    }

    private async Task AssertRefusedAsync(HttpRequestMessage request, HttpStatusCode status, string code)
    {
        var before = await StateAsync();

        using var answer = await host.Desk.SendAsync(request, Ct);

        await ProblemAssert.IsProblemAsync(answer, status, code);
        Assert.Equal(before, await StateAsync());
    }

    public static TheoryData<string, string, int, string> BadBodies => new()
    {
        // presence: the client's PIN
        { "presence", """{"pin":4829}""", 400, "request-invalid" },
        { "presence", """{"pin":["4829"]}""", 400, "request-invalid" },
        { "presence", """{"pin":"4829","name":"Ali Yilmaz"}""", 400, "request-invalid" },
        { "presence", """{"pin":"4829" """, 400, "request-invalid" },
        { "presence", "not json at all", 400, "request-invalid" },
        { "presence", "[]", 400, "request-invalid" },
        { "presence", "null", 400, "request-invalid" },
        // consents
        { "consents", $$"""{"scope":"everyone","purposes":["show-history"],"validUntil":"{{NextYear}}","pin":"4829"}""", 400, "request-invalid" },
        { "consents", $$"""{"scope":7,"purposes":["show-history"],"validUntil":"{{NextYear}}","pin":"4829"}""", 400, "request-invalid" },
        { "consents", $$"""{"scope":"whole-network","purposes":[9],"validUntil":"{{NextYear}}","pin":"4829"}""", 400, "request-invalid" },
        { "consents", $$"""{"scope":"whole-network","purposes":"show-history","validUntil":"{{NextYear}}","pin":"4829"}""", 400, "request-invalid" },
        { "consents", $$"""{"scope":"whole-network","purposes":["everything"],"validUntil":"{{NextYear}}","pin":"4829"}""", 400, "request-invalid" },
        { "consents", $$"""{"scope":"listed-institutions","institutionIds":"mbe-awo-unna","purposes":["show-history"],"validUntil":"{{NextYear}}","pin":"4829"}""", 400, "request-invalid" },
        { "consents", """{"scope":"whole-network","purposes":["show-history"],"validUntil":20270101,"pin":"4829"}""", 400, "request-invalid" },
        { "consents", $$"""{"scope":"whole-network","purposes":["show-history"],"validUntil":"{{NextYear}}","pin":"4829","clientName":"Ali"}""", 400, "request-invalid" },
        { "consents", $$"""{"scope":"listed-institutions","institutionIds":["{{Injection}}"],"purposes":["show-history"],"validUntil":"{{NextYear}}","pin":"4829"}""", 400, "consent-invalid" },
        { "consents", "{", 400, "request-invalid" },
        // withdrawal
        { "withdrawal", """{"pin":4829}""", 400, "request-invalid" },
        { "withdrawal", """{"pin":"4829","reason":"Streit mit der Beraterin"}""", 400, "request-invalid" },
        { "withdrawal", "pin=4829", 400, "request-invalid" },
        // history
        { "history", """{"presenceToken":123}""", 400, "request-invalid" },
        { "history", """{"presenceToken":["x"]}""", 400, "request-invalid" },
        { "history", """{"presenceToken":"x","passId":"0f1e2d3c"}""", 400, "request-invalid" },
        { "history", $$"""{"presenceToken":"{{Injection}}"}""", 403, "presence-required" },
        { "history", $$"""{"presenceToken":"{{new string('A', 50_000)}}"}""", 403, "presence-required" },
        // contacts
        { "contacts", """{"serviceId":"mbe-awo-unna","topics":"housing","kind":"first","presenceToken":"{token}"}""", 400, "request-invalid" },
        { "contacts", """{"serviceId":"mbe-awo-unna","topics":["housing"],"kind":"weekly","presenceToken":"{token}"}""", 400, "request-invalid" },
        { "contacts", """{"serviceId":"mbe-awo-unna","topics":["housing"],"kind":5,"presenceToken":"{token}"}""", 400, "request-invalid" },
        { "contacts", """{"serviceId":"mbe-awo-unna","topics":["housing"],"presenceToken":"{token}"}""", 400, "request-invalid" },
        { "contacts", """{"topics":["housing"],"kind":"first","presenceToken":"{token}"}""", 400, "request-invalid" },
        { "contacts", $$"""{"serviceId":"mbe-awo-unna{{Injection}}","topics":["housing"],"kind":"first","presenceToken":"{token}"}""", 403, "service-not-yours" },
        { "contacts", $$"""{"contactId":"{{Injection}}","serviceId":"mbe-awo-unna","topics":["housing"],"kind":"first","presenceToken":"{token}"}""", 400, "request-invalid" },
        { "contacts", """{"contactId":"Ali Yilmaz, geb. 17.05.1990","serviceId":"mbe-awo-unna","topics":["housing"],"kind":"first","presenceToken":"{token}"}""", 400, "request-invalid" },
        { "contacts", """{"contactId":"kontakt-über-98","serviceId":"mbe-awo-unna","topics":["housing"],"kind":"first","presenceToken":"{token}"}""", 400, "request-invalid" },
        { "contacts", """{"contactId":"a\r\nSet-Cookie: x=y","serviceId":"mbe-awo-unna","topics":["housing"],"kind":"first","presenceToken":"{token}"}""", 400, "request-invalid" },
        { "contacts", $$"""{"contactId":"{{new string('k', 65)}}","serviceId":"mbe-awo-unna","topics":["housing"],"kind":"first","presenceToken":"{token}"}""", 400, "request-invalid" },
        { "contacts", """{"contactId":"","serviceId":"mbe-awo-unna","topics":["housing"],"kind":"first","presenceToken":"{token}"}""", 400, "request-invalid" },
        { "contacts", """{"contactId":42,"serviceId":"mbe-awo-unna","topics":["housing"],"kind":"first","presenceToken":"{token}"}""", 400, "request-invalid" },
        { "contacts", """{"serviceId":"mbe-awo-unna","topics":["housing' OR '1'='1"],"kind":"first","presenceToken":"{token}"}""", 400, "topics-invalid" },
        { "contacts", """{"serviceId":"mbe-awo-unna","topics":[null],"kind":"first","presenceToken":"{token}"}""", 400, "topics-invalid" },
        { "contacts", """{"serviceId":"mbe-awo-unna","topics":["housing",null],"kind":"first","presenceToken":"{token}"}""", 400, "topics-invalid" },
        { "contacts", """{"serviceId":"mbe-awo-unna","topics":[],"kind":"first","presenceToken":"{token}"}""", 400, "topics-invalid" },
        { "contacts", """{"serviceId":"mbe-awo-unna","topics":["housing"],"kind":"first","date":"2026-02-30","presenceToken":"{token}"}""", 400, "contact-date-invalid" },
        { "contacts", """{"serviceId":"mbe-awo-unna","topics":["housing"],"kind":"first","date":"morgen","presenceToken":"{token}"}""", 400, "contact-date-invalid" },
        { "contacts", """{"serviceId":"mbe-awo-unna","topics":["housing"],"kind":"first","date":"","presenceToken":"{token}"}""", 400, "contact-date-invalid" },
        { "contacts", """{"serviceId":"mbe-awo-unna","topics":["housing"],"kind":"first","date":20260101,"presenceToken":"{token}"}""", 400, "request-invalid" },
        { "contacts", """{"serviceId":"mbe-awo-unna","topics":["housing"],"kind":"first","expectedVersion":"abc","presenceToken":"{token}"}""", 400, "request-invalid" },
        { "contacts", """{"serviceId":"mbe-awo-unna","topics":["housing"],"kind":"first","expectedVersion":1.5,"presenceToken":"{token}"}""", 400, "request-invalid" },
        { "contacts", """{"serviceId":"mbe-awo-unna","topics":["housing"],"kind":"first","confirmDuplicate":"yes","presenceToken":"{token}"}""", 400, "request-invalid" },
        { "contacts", """{"serviceId":"mbe-awo-unna","topics":["housing"],"kind":"first","confirmDuplicate":null,"presenceToken":"{token}"}""", 400, "request-invalid" },
        { "contacts", """{"serviceId":"mbe-awo-unna","topics":["housing"],"kind":"first","note":"Klientin war sehr aufgewühlt","presenceToken":"{token}"}""", 400, "request-invalid" },
        { "contacts", """{"serviceId":"mbe-awo-unna","topics":["housing"],"kind":"first"}""", 403, "presence-required" },
        { "contacts", "", 400, "request-invalid" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_request_body_is_refused_with_a_problem_and_changes_nothing(string endpoint, string body, int status, string code)
    {
        var request = Post(PathOf(endpoint, host.Ready.Pass.CodeValue), body.Replace("{token}", host.Ready.PresenceToken, StringComparison.Ordinal));

        await AssertRefusedAsync(request, (HttpStatusCode)status, code);
    }

    public static TheoryData<string, string> Endpoints()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in new[] { "presence", "consents", "withdrawal", "history", "contacts" })
        {
            foreach (var kind in new[] { "unknown", "typo", "injection", "huge", "oversized body", "form instead of JSON" })
            {
                data.Add(endpoint, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task An_unknown_or_malformed_card_or_an_unreadable_body_is_refused_at_every_intake_endpoint(string endpoint, string kind)
    {
        var code = host.Ready.Pass.CodeValue;
        var typo = code[..3] + (code[3] == '2' ? '3' : '2') + code[4..];
        var request = kind switch
        {
            "unknown" => Post(PathOf(endpoint, PassCode.New().Value), ValidBody(endpoint)),
            "typo" => Post(PathOf(endpoint, typo), ValidBody(endpoint)),
            "injection" => Post(PathOf(endpoint, Uri.EscapeDataString(code + Injection)), ValidBody(endpoint)),
            "huge" => Post(PathOf(endpoint, new string('K', 3000)), ValidBody(endpoint)),
            "oversized body" => Post(PathOf(endpoint, code), ValidBody(endpoint)[..^1] + new string(' ', 70_000) + "}"),
            _ => Post(PathOf(endpoint, code), "pin=4829&presenceToken=x", "application/x-www-form-urlencoded"),
        };
        var (status, problem) = kind switch
        {
            "unknown" => (HttpStatusCode.NotFound, "pass-not-found"),
            "typo" => (HttpStatusCode.BadRequest, "pass-code-typo"),
            "injection" or "huge" => (HttpStatusCode.BadRequest, "pass-code-malformed"),
            "oversized body" => (HttpStatusCode.RequestEntityTooLarge, "request-too-large"),
            _ => (HttpStatusCode.UnsupportedMediaType, "unsupported-media-type"),
        };

        await AssertRefusedAsync(request, status, problem);
    }

    [Fact]
    public async Task The_QR_of_a_replaced_card_in_place_of_the_pass_code_names_no_pass()
    {
        var pass = await PassesApi.IssueAsync(host.Desk, pin: ClientPin);
        var oldQr = await QrScanner.CurrentTokenAsync(host.Desk, pass.CodeValue);
        using (var reissued = await host.Desk.PostAsJsonAsync($"/api/v1/passes/{pass.CodeValue}/card", new { }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
        }

        foreach (var endpoint in new[] { "presence", "history", "contacts" })
        {
            await AssertRefusedAsync(Post(PathOf(endpoint, Uri.EscapeDataString(oldQr)), ValidBody(endpoint)), HttpStatusCode.BadRequest, "pass-code-malformed");
        }
    }

    [Fact]
    public async Task The_valid_bodies_of_the_URL_cases_are_accepted_so_those_refusals_are_about_the_URL()
    {
        foreach (var endpoint in new[] { "presence", "history", "contacts" })
        {
            using var answer = await host.Desk.SendAsync(Post(PathOf(endpoint, host.Ready.Pass.CodeValue), ValidBody(endpoint)), Ct);
            Assert.True(answer.IsSuccessStatusCode, $"{endpoint}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync(Ct)}");
        }
    }
}
