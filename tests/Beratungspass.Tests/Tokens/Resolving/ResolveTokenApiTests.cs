using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Beratungspass.Passes;
using Beratungspass.Tokens;
using Beratungspass.Tokens.KeyRing;
using Microsoft.AspNetCore.DataProtection;

namespace Beratungspass.Tests.Tokens.Resolving;

/// <summary>
/// Scanning: only a current card of an existing pass resolves. Tampered, truncated, foreign and unknown
/// tokens all get the very same answer, so a scanned code tells nobody whether a pass exists.
/// </summary>
public sealed class ResolveTokenApiTests(ResolveTokenApiTests.Host host, TestPostgres postgres) : IClassFixture<ResolveTokenApiTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CardTokens Tokens => host.Services.GetRequiredService<CardTokens>();

    private static Task<HttpResponseMessage> ResolveAsync(HttpClient client, string? token) =>
        client.PostAsJsonAsync("/api/v1/tokens/resolve", new { token }, Ct);

    private async Task<(HttpClient Client, IssuedPass Pass, string Token)> RealTokenAsync()
    {
        var client = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(client);
        return (client, pass, await QrScanner.CurrentTokenAsync(client, pass.CodeValue));
    }

    private static byte[] ProtectedBytes(string token)
    {
        Assert.True(Base32.TryDecode(token.AsSpan(CardTokens.Prefix.Length), out var bytes));
        return bytes;
    }

    private static string WithBitFlipped(byte[] protectedBytes, int bit)
    {
        var copy = (byte[])protectedBytes.Clone();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return CardTokens.Prefix + Base32.Encode(copy);
    }

    [Fact]
    public async Task A_real_token_resolves_to_its_pass_code()
    {
        var (client, pass, token) = await RealTokenAsync();
        using var _ = client;

        using var answer = await ResolveAsync(client, token);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(pass.PassCode, body.GetProperty("passCode").GetString());
        Assert.Equal("valid", body.GetProperty("cardState").GetString());
        Assert.Equal(1, body.GetProperty("generation").GetInt32());
    }

    [Fact]
    public async Task Every_single_bit_flip_of_a_real_token_is_rejected()
    {
        var (client, _, token) = await RealTokenAsync();
        client.Dispose();
        var bytes = ProtectedBytes(token);
        Assert.Equal(CardTokenStatus.Readable, Tokens.Read(token).Status);

        for (var bit = 0; bit < bytes.Length * 8; bit++)
        {
            var reading = Tokens.Read(WithBitFlipped(bytes, bit));
            Assert.True(reading.Status == CardTokenStatus.Invalid, $"Flipping bit {bit} of {bytes.Length * 8} gave {reading.Status}");
        }
    }

    [Fact]
    public async Task Bit_flipped_tokens_sent_to_the_API_answer_token_invalid()
    {
        var (client, _, token) = await RealTokenAsync();
        using var _ = client;
        var bytes = ProtectedBytes(token);
        // The first 20 bytes are the header and key id, the rest the encrypted payload and tag: sample both.
        var bits = Enumerable.Range(0, 30).Select(i => i < 10 ? i * 16 : Random.Shared.Next(160, bytes.Length * 8)).Distinct();

        foreach (var bit in bits)
        {
            using var answer = await ResolveAsync(client, WithBitFlipped(bytes, bit));
            await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.BadRequest, "token-invalid");
        }
    }

    [Fact]
    public async Task Every_truncation_of_a_real_token_is_rejected()
    {
        var (client, _, token) = await RealTokenAsync();
        using var _ = client;

        for (var length = 0; length < token.Length; length++)
        {
            using var answer = await ResolveAsync(client, token[..length]);
            await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.BadRequest, "token-invalid");
        }
    }

    [Theory]
    [InlineData("other")]
    [InlineData("Beratungspass.CardToken")]
    [InlineData("Beratungspass.CardToken", "v2")]
    public async Task A_token_protected_by_the_same_key_ring_for_another_purpose_or_version_is_rejected(string purpose, string? version = null)
    {
        var (client, pass, _) = await RealTokenAsync();
        using var _ = client;
        var provider = host.Services.GetRequiredService<IDataProtectionProvider>();
        var protector = version is null ? provider.CreateProtector(purpose) : provider.CreateProtector(purpose, version);
        var payload = Convert.FromHexString((await PassesApi.CardAsync(host.Store, pass.PassCode)).Id).Append((byte)1).ToArray();

        using var answer = await ResolveAsync(client, CardTokens.Prefix + Base32.Encode(protector.Protect(payload)));

        await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.BadRequest, "token-invalid");
    }

    [Fact]
    public async Task A_token_from_another_key_ring_answers_exactly_like_random_text()
    {
        var foreignDatabase = await postgres.NewDatabaseAsync("foreignkeyring");
        await using var foreign = AppHost.Start(foreignDatabase, KeyEncryptionKeys.Generate());
        using var foreignClient = foreign.Client();
        await AppHost.SignInAsync(foreignClient, "berater.awo", "Demo-Beratung-2026");
        var foreignPass = await PassesApi.IssueAsync(foreignClient);
        var foreignToken = await QrScanner.CurrentTokenAsync(foreignClient, foreignPass.CodeValue);
        using (var atHome = await ResolveAsync(foreignClient, foreignToken))
        {
            Assert.Equal(HttpStatusCode.OK, atHome.StatusCode);
        }

        using var client = await host.SignedInAsync();

        var foreignAnswer = await ProblemShapeAsync(await ResolveAsync(client, foreignToken));

        Assert.Equal(await ProblemShapeAsync(await ResolveAsync(client, RandomTokenShapedText(foreignToken.Length))), foreignAnswer);
        Assert.Equal(await ProblemShapeAsync(await ResolveAsync(client, RandomText(foreignToken.Length))), foreignAnswer);
        Assert.Contains("token-invalid", foreignAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_validly_protected_token_of_an_unknown_or_erased_pass_answers_exactly_like_random_text()
    {
        var (client, pass, token) = await RealTokenAsync();
        using var _ = client;
        var unknown = Tokens.Create(PassId.New(), 1);
        var futureCard = Tokens.Create((await PassesApi.CardAsync(host.Store, pass.PassCode)).Id, 2);
        var random = await ProblemShapeAsync(await ResolveAsync(client, RandomTokenShapedText(token.Length)));

        Assert.Equal(random, await ProblemShapeAsync(await ResolveAsync(client, unknown)));
        Assert.Equal(random, await ProblemShapeAsync(await ResolveAsync(client, futureCard)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_larger_than_4_KB_is_refused_with_413(bool announcedLength)
    {
        using var client = await host.SignedInAsync();
        var json = JsonSerializer.Serialize(new { token = CardTokens.Prefix + new string('0', 5_000) });
        HttpContent content = announcedLength
            ? new StringContent(json, Encoding.UTF8, "application/json")
            : new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json))) { Headers = { ContentType = new("application/json") } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tokens/resolve") { Content = content };
        if (!announcedLength)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        using var answer = await client.SendAsync(request, Ct);

        await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.RequestEntityTooLarge, "request-too-large");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task A_body_that_is_not_JSON_is_refused_with_415(string mediaType)
    {
        using var client = await host.SignedInAsync();

        using var answer = await client.PostAsync("/api/v1/tokens/resolve", new StringContent("""{"token":"BP1"}""", Encoding.UTF8, mediaType), Ct);

        await ProblemAssert.IsProblemAsync(answer, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Theory]
    [InlineData("""{"token":""", "request-invalid")]
    [InlineData("""{"token":5}""", "request-invalid")]
    [InlineData("""{"token":"BP1","passId":"0f1e2d3c4b5a69788796a5b4c3d2e1f0"}""", "request-invalid")]
    [InlineData("""["BP1"]""", "request-invalid")]
    [InlineData("null", "request-invalid")]
    [InlineData("""{"token":null}""", "token-invalid")]
    [InlineData("""{}""", "token-invalid")]
    [InlineData("""{"token":""}""", "token-invalid")]
    [InlineData("""{"token":"DEM2-KART-S"}""", "token-invalid")]
    public async Task A_body_without_a_readable_token_answers_400(string json, string code)
    {
        using var client = await host.SignedInAsync();

        using var german = await client.PostAsync("/api/v1/tokens/resolve", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        using var english = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/tokens/resolve")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        }.InEnglish(), Ct);

        await ProblemAssert.IsProblemAsync(german, HttpStatusCode.BadRequest, code);
        await ProblemAssert.IsProblemAsync(english, HttpStatusCode.BadRequest, code, english: true);
    }

    /// <summary>Everything a client could tell two problem answers apart by, except the per-request trace id.</summary>
    private static async Task<string> ProblemShapeAsync(HttpResponseMessage answer)
    {
        using var _ = answer;
        var body = await answer.Content.ReadAsStringAsync(Ct);
        ProblemAssert.HasNoInternals(body);
        var properties = JsonDocument.Parse(body).RootElement.EnumerateObject()
            .Where(p => p.Name != "traceId")
            .Select(p => $"{p.Name}={p.Value.GetRawText()}");
        return $"{(int)answer.StatusCode} {answer.Content.Headers.ContentType}\n{string.Join('\n', properties)}";
    }

    private static string RandomTokenShapedText(int length) =>
        CardTokens.Prefix + new string(RandomNumberGenerator.GetItems<char>(Base32.Alphabet, length - CardTokens.Prefix.Length - 1)) + "0";

    private static string RandomText(int length) =>
        new(RandomNumberGenerator.GetItems<char>("abcdefghijklmnopqrstuvwxyz0123456789-_", length));
}
