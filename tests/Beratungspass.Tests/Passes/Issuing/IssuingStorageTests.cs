using System.Net;
using System.Net.Http.Json;
using System.Text;
using Beratungspass.Accounts;
using Beratungspass.Infrastructure;
using Beratungspass.Passes;
using Beratungspass.Passes.Pins;
using Beratungspass.Web.Passes.Issuing;
using Marten;

namespace Beratungspass.Tests.Passes.Issuing;

/// <summary>What issuing a pass through the API leaves in the event store and its projections.</summary>
public sealed class IssuingStorageTests(IssuingStorageTests.Host host) : IClassFixture<IssuingStorageTests.Host>
{
    // Six digits that appear nowhere by chance, so finding them anywhere means the PIN leaked.
    private const string Pin = "583920";
    private const string Schema = MartenConfiguration.SchemaName;

    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Issuing_starts_a_pass_stream_with_exactly_one_PassIssued_event_naming_the_counsellor_only_by_pseudonym()
    {
        using var client = await host.SignedInAsync();

        var pass = await PassesApi.IssueAsync(client, "uk", "18-26", Pin);

        var card = await PassesApi.CardAsync(host.Store, pass.PassCode);
        await using var session = host.Store.QuerySession();
        var stream = await session.Events.FetchStreamStateAsync(card.Id, Ct);
        var events = await session.Events.FetchStreamAsync(card.Id, token: Ct);
        var account = await session.LoadAsync<Account>("berater.awo", Ct);
        Assert.NotNull(stream);
        Assert.Equal(typeof(Pass), stream.AggregateType);
        Assert.Equal(1, stream.Version);
        var issued = Assert.IsType<PassIssued>(Assert.Single(events).Data);
        Assert.Equal(new PassIssued(card.Id, pass.CodeValue, "mbe-awo-unna", ClientLanguage.Uk, AgeBand.From18To26, account!.Pseudonym, issued.IssuedAt), issued);
        Assert.StartsWith("c-", issued.IssuedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issuing_projects_the_card_of_generation_1_and_a_pass_snapshot_for_later_decisions()
    {
        using var client = await host.SignedInAsync();

        var pass = await PassesApi.IssueAsync(client, "tr", null, Pin);

        var card = await PassesApi.CardAsync(host.Store, pass.PassCode);
        await using var session = host.Store.QuerySession();
        var snapshot = await session.LoadAsync<Pass>(card.Id, Ct);
        Assert.Equal(pass.CodeValue, card.PassCode);
        Assert.Equal(1, card.Generation);
        Assert.Equal(1, card.Version);
        Assert.Equal(ClientLanguage.Tr, card.PreferredLanguage);
        Assert.Null(card.AgeBand);
        Assert.Equal(card.IssuedAt, card.CardIssuedAt);
        Assert.NotNull(snapshot);
        Assert.Equal((card.Id, pass.CodeValue, "mbe-awo-unna", ClientLanguage.Tr, (AgeBand?)null, 1),
            (snapshot.Id, snapshot.PassCode, snapshot.IssuingInstitutionId, snapshot.PreferredLanguage, snapshot.AgeBand, snapshot.Generation));
        Assert.Empty(snapshot.Consents);
    }

    [Fact]
    public async Task The_PIN_is_kept_only_as_a_salted_hash_beside_the_stream_never_in_an_event_or_projection()
    {
        using var client = await host.SignedInAsync();

        var pass = await PassesApi.IssueAsync(client, pin: Pin);

        var card = await PassesApi.CardAsync(host.Store, pass.PassCode);
        await using var session = host.Store.QuerySession();
        var pin = await session.LoadAsync<PassPin>(card.Id, Ct);
        Assert.NotNull(pin);
        Assert.DoesNotContain(Pin, pin.Hash, StringComparison.Ordinal);
        Assert.DoesNotContain("$", pin.Hash, StringComparison.Ordinal); // sealed, not the bare PBKDF2 form "v1$iterations$salt$subkey"
        var vault = host.Services.GetRequiredService<Beratungspass.Passes.Pins.PinVault>();
        Assert.True(vault.Verify(Pin, pin.Hash));
        Assert.False(vault.Verify("583921", pin.Hash));
        var foreignVault = new Beratungspass.Passes.Pins.PinVault(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => foreignVault.Verify(Pin, pin.Hash));

        var stored = await Sql.TextsAsync(host.ConnectionString,
            $"SELECT row_to_json(e)::text FROM {Schema}.mt_events e UNION ALL SELECT row_to_json(s)::text FROM {Schema}.mt_streams s " +
            $"UNION ALL SELECT row_to_json(p)::text FROM {Schema}.mt_doc_pass p UNION ALL SELECT row_to_json(c)::text FROM {Schema}.mt_doc_passcard c " +
            $"UNION ALL SELECT row_to_json(h)::text FROM {Schema}.mt_doc_passpin h");
        Assert.Contains(stored, row => row.Contains(card.Id, StringComparison.Ordinal));
        Assert.All(stored, row => Assert.DoesNotContain(Pin, row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_pass_id_appears_in_no_answer_about_the_pass()
    {
        using var client = await host.SignedInAsync();
        using var issuedResponse = await client.PostAsJsonAsync("/api/v1/passes", new { preferredLanguage = "ar", pin = Pin }, Ct);
        var pass = IssuedPass.From(await issuedResponse.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct));
        var passId = (await PassesApi.CardAsync(host.Store, pass.PassCode)).Id;
        var token = await QrScanner.CurrentTokenAsync(client, pass.CodeValue);

        using var reissued = await client.PostAsJsonAsync($"/api/v1/passes/{pass.CodeValue}/card", new { expectedVersion = pass.Version }, Ct);
        var answers = new List<HttpResponseMessage>
        {
            issuedResponse,
            reissued,
            await client.GetAsync($"/api/v1/passes/{pass.CodeValue}", Ct),
            await client.GetAsync($"/api/v1/passes/{pass.CodeValue}/qr.svg", Ct),
            await client.GetAsync($"/api/v1/passes/{pass.CodeValue}/qr.png", Ct),
            await client.PostAsJsonAsync("/api/v1/tokens/resolve", new { token }, Ct),
            await client.PostAsJsonAsync("/api/v1/tokens/resolve", new { token = await QrScanner.CurrentTokenAsync(client, pass.CodeValue) }, Ct),
            await client.GetAsync($"/passes/{pass.CodeValue}", Ct),
        };

        Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
        foreach (var answer in answers)
        {
            var body = Encoding.Latin1.GetString(await answer.Content.ReadAsByteArrayAsync(Ct));
            var headers = string.Join('\n', answer.Headers.Concat(answer.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
            Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Gone, $"{answer.RequestMessage?.RequestUri} answered {(int)answer.StatusCode}");
            Assert.DoesNotContain(passId, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(passId, headers, StringComparison.OrdinalIgnoreCase);
            answer.Dispose();
        }
    }

    [Fact]
    public async Task A_pass_code_already_in_use_is_never_handed_out_again_and_nothing_is_written()
    {
        using var client = await host.SignedInAsync();
        var existing = await PassesApi.IssueAsync(client, pin: Pin);
        var before = await StoredRows.CountAsync(host.ConnectionString);

        await using var scope = host.Services.CreateAsyncScope();
        var issuing = scope.ServiceProvider.GetRequiredService<PassIssuing>();
        await Assert.ThrowsAnyAsync<Exception>(() => issuing.IssueAsync(
            "jmd-caritas-luenen", "c-0000000000", ClientLanguage.De, null, "4829", Ct, PassCode.Parse(existing.PassCode).Code));

        Assert.Equal(before, await StoredRows.CountAsync(host.ConnectionString));
        Assert.Equal("mbe-awo-unna", (await PassesApi.CardAsync(host.Store, existing.PassCode)).IssuingInstitutionId);
    }

    [Fact]
    public async Task When_a_drawn_code_is_already_taken_issuing_draws_another_one()
    {
        using var client = await host.SignedInAsync();
        var taken = PassCode.Parse((await PassesApi.IssueAsync(client, pin: Pin)).PassCode).Code;
        var fresh = PassCode.New();
        var draws = new Queue<PassCode>([taken, taken, fresh]);
        var issuing = new PassIssuing(host.Store, NodaTime.SystemClock.Instance, host.Services.GetRequiredService<Beratungspass.Passes.Pins.PinVault>()) { DrawCode = draws.Dequeue };
        var before = await StoredRows.CountAsync(host.ConnectionString);

        var card = await issuing.IssueAsync("jmd-caritas-luenen", "c-0000000000", ClientLanguage.Ru, null, "4829", Ct);

        Assert.Equal(fresh.Value, card.PassCode);
        Assert.Empty(draws);
        Assert.Equal(before with { Events = before.Events + 1, Streams = before.Streams + 1, Cards = before.Cards + 1, Pins = before.Pins + 1 },
            await StoredRows.CountAsync(host.ConnectionString));
    }
}
