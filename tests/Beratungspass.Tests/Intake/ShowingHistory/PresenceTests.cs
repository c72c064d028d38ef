using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Beratungspass.Accounts;
using Beratungspass.Passes.Presence;
using Microsoft.AspNetCore.Identity;
using NodaTime;
using static Beratungspass.Tests.Infrastructure.IntakeCalls;

namespace Beratungspass.Tests.Intake.ShowingHistory;

/// <summary>
/// The history only while the client is present: the proof from their PIN holds for this pass, this
/// institution and this counsellor, for 30 minutes. A card found or photographed shows nothing.
/// </summary>
public sealed class PresenceTests(PresenceTests.Host host) : IClassFixture<PresenceTests.Host>
{
    /// <summary>With a second counsellor at AWO Unna, to show a proof is personal.</summary>
    public sealed class Host(TestPostgres postgres) : ClockedAppHost(postgres)
    {
        public const string SecondAwoCounsellor = "beraterin2.awo";
        public const string SecondAwoPassword = "Zweite-Beratung-2026";

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            var account = new Account
            {
                Id = SecondAwoCounsellor,
                DisplayName = "Zweite Beraterin AWO Unna",
                InstitutionId = "mbe-awo-unna",
                Role = Role.Counsellor,
                Pseudonym = "c-2b2b2b2b2b",
                PasswordHash = "",
            };
            account.PasswordHash = Services.GetRequiredService<IPasswordHasher<Account>>().HashPassword(account, SecondAwoPassword);
            await using var session = Store.LightweightSession();
            session.Store(account);
            await session.SaveChangesAsync();
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task AssertRefusedAsync(HttpClient client, IssuedPass pass, string? presenceToken)
    {
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var history = await HistoryAsync(client, pass, presenceToken);
        using var record = await RecordAsync(client, pass, presenceToken);

        await ProblemAssert.IsProblemAsync(history, HttpStatusCode.Forbidden, "presence-required");
        await ProblemAssert.IsProblemAsync(record, HttpStatusCode.Forbidden, "presence-required");
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"presenceToken":null}""")]
    [InlineData("""{"presenceToken":""}""")]
    public async Task Without_a_presence_proof_the_history_is_not_shown_even_under_consent(string body)
    {
        var client = await host.DeskAsync();
        var ready = await ReadyAsync(client);
        var before = await StoredRows.CountAsync(host.ConnectionString);

        using var german = await client.PostAsync($"/api/v1/passes/{ready.Pass.CodeValue}/history", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        using var english = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/passes/{ready.Pass.CodeValue}/history")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        }.InEnglish(), Ct);

        await ProblemAssert.IsProblemAsync(german, HttpStatusCode.Forbidden, "presence-required");
        await ProblemAssert.IsProblemAsync(english, HttpStatusCode.Forbidden, "presence-required", english: true);
        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
    }

    [Fact]
    public async Task A_presence_proof_from_another_pass_is_refused()
    {
        var client = await host.DeskAsync();
        var first = await ReadyAsync(client);
        var second = await ReadyAsync(client);

        await AssertRefusedAsync(client, second.Pass, first.PresenceToken);
        await ShownHistoryAsync(client, second.Pass, second.PresenceToken);
    }

    [Fact]
    public async Task A_presence_proof_from_another_institution_is_refused()
    {
        var awo = await host.DeskAsync();
        var jmd = await host.DeskAsync("berater.jmd");
        var ready = await ReadyAsync(awo);
        var jmdPresence = await PresenceTokenAsync(jmd, ready.Pass);

        await AssertRefusedAsync(awo, ready.Pass, jmdPresence);
        await AssertRefusedAsync(jmd, ready.Pass, ready.PresenceToken);
        await ShownHistoryAsync(jmd, ready.Pass, jmdPresence);
    }

    [Fact]
    public async Task A_presence_proof_from_a_colleague_at_the_same_institution_is_refused()
    {
        var awo = await host.DeskAsync();
        var colleague = await host.DeskAsync(Host.SecondAwoCounsellor, Host.SecondAwoPassword);
        var ready = await ReadyAsync(awo);

        await AssertRefusedAsync(colleague, ready.Pass, ready.PresenceToken);
        await ShownHistoryAsync(colleague, ready.Pass, await PresenceTokenAsync(colleague, ready.Pass));
    }

    public static TheoryData<string> Tampered => ["one character changed", "cut short", "one character more", "huge", "not a token", "base64 of plain text"];

    [Theory]
    [MemberData(nameof(Tampered))]
    public async Task A_tampered_presence_proof_is_refused(string how)
    {
        var client = await host.DeskAsync();
        var ready = await ReadyAsync(client);
        var token = ready.PresenceToken;
        var middle = token.Length / 2;
        var tampered = how switch
        {
            "one character changed" => token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..],
            "cut short" => token[..^4],
            "one character more" => token + "A",
            "huge" => token + new string('A', 3000),
            "not a token" => "'; DROP TABLE beratungspass.mt_events; --",
            _ => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ready.Pass.CodeValue}\nmbe-awo-unna\nberater.awo\nPin\n99999999999")),
        };

        await AssertRefusedAsync(client, ready.Pass, tampered);
    }

    [Fact]
    public async Task The_scanned_card_alone_names_the_pass_and_shows_nothing_of_its_history()
    {
        var client = await host.DeskAsync();
        var ready = await ReadyAsync(client);
        using (var recorded = await RecordAsync(client, ready.Pass, ready.PresenceToken, topics: ["psychosocial"]))
        {
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        }

        var cardToken = await QrScanner.CurrentTokenAsync(client, ready.Pass.CodeValue);
        using var resolved = await client.PostAsJsonAsync("/api/v1/tokens/resolve", new { token = cardToken }, Ct);

        var body = await OkBodyAsync(resolved, HttpStatusCode.OK);
        Assert.Equal(["cardState", "generation", "passCode"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("psychosocial", body.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("mbe-awo-unna", body.GetRawText(), StringComparison.Ordinal);
        await AssertRefusedAsync(client, ready.Pass, cardToken);
        await AssertRefusedAsync(client, ready.Pass, null);
    }

    [Fact]
    public async Task A_presence_proof_holds_for_30_minutes_then_the_PIN_is_asked_again()
    {
        var client = await host.DeskAsync();
        var ready = await ReadyAsync(client);
        using (var proof = await PresenceAsync(client, ready.Pass, ClientPin))
        {
            Assert.Equal(30 * 60, (await proof.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("expiresInSeconds").GetInt64());
        }

        host.Clock.Advance(PresenceTokens.Lifetime - Duration.FromSeconds(1));
        await ShownHistoryAsync(client, ready.Pass, ready.PresenceToken);

        host.Clock.Advance(Duration.FromSeconds(1));
        await AssertRefusedAsync(client, ready.Pass, ready.PresenceToken);
        await ShownHistoryAsync(client, ready.Pass, await PresenceTokenAsync(client, ready.Pass));
    }
}
