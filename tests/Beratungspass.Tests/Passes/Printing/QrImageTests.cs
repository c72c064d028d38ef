using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Beratungspass.Tokens;
using ZXing;

namespace Beratungspass.Tests.Passes.Printing;

/// <summary>The printed QR codes scan with a decoder that shares no code with the encoder, and name the right pass.</summary>
public sealed class QrImageTests(QrImageTests.Host host) : IClassFixture<QrImageTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> ResolvedPassCodeAsync(HttpClient client, string token)
    {
        using var answer = await client.PostAsJsonAsync("/api/v1/tokens/resolve", new { token }, Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("passCode").GetString()!;
    }

    [Fact]
    public async Task The_PNG_scans_to_a_token_that_resolves_to_the_same_pass()
    {
        using var client = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(client);

        using var png = await client.GetAsync($"/api/v1/passes/{pass.CodeValue}/qr.png", Ct);
        var scanned = QrScanner.ReadPng(await png.Content.ReadAsByteArrayAsync(Ct));

        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.True(png.Headers.CacheControl?.NoStore, "A card's QR image is a credential and must not be cached.");
        Assert.Equal(BarcodeFormat.QR_CODE, scanned.BarcodeFormat);
        Assert.Equal("Q", scanned.ResultMetadata[ResultMetadataType.ERROR_CORRECTION_LEVEL].ToString());
        Assert.StartsWith(CardTokens.Prefix, scanned.Text, StringComparison.Ordinal);
        Assert.Equal(pass.PassCode, await ResolvedPassCodeAsync(client, scanned.Text));
    }

    [Fact]
    public async Task The_SVG_is_well_formed_scales_by_its_viewBox_and_scans_to_the_same_pass()
    {
        using var client = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(client);

        using var answer = await client.GetAsync($"/api/v1/passes/{pass.CodeValue}/qr.svg", Ct);
        var svg = await answer.Content.ReadAsStringAsync(Ct);

        Assert.Equal("image/svg+xml", answer.Content.Headers.ContentType?.MediaType);
        Assert.True(answer.Headers.CacheControl?.NoStore, "A card's QR image is a credential and must not be cached.");
        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), root.Name);
        var viewBox = ((string?)root.Attribute("viewBox"))!.Split(' ').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(0, viewBox[0]);
        Assert.Equal(0, viewBox[1]);
        Assert.Equal(viewBox[2], viewBox[3]);

        var scanned = QrScanner.ReadSvg(svg);
        Assert.Equal("Q", scanned.ResultMetadata[ResultMetadataType.ERROR_CORRECTION_LEVEL].ToString());
        Assert.Equal(pass.PassCode, await ResolvedPassCodeAsync(client, scanned.Text));

        // Modules per side: 17 + 4·version, plus a quiet zone of 4 on each side.
        var version = (viewBox[2] - 8 - 17) / 4;
        Assert.Equal(viewBox[2], 17 + 4 * version + 8);
        Assert.Equal(CardQr.Encode(scanned.Text).Version, version);
        Assert.InRange(version, 1, CardQr.MaximumVersion);
    }

    [Fact]
    public async Task Every_card_token_fits_QR_version_10_with_error_correction_Q_even_at_high_generations()
    {
        using var client = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(client);
        var passId = (await PassesApi.CardAsync(host.Store, pass.PassCode)).Id;
        var tokens = host.Services.GetRequiredService<CardTokens>();

        foreach (var generation in new[] { 1, 127, 128, 16_384, int.MaxValue })
        {
            var token = tokens.Create(passId, generation);
            Assert.InRange(CardQr.Encode(token).Version, 1, CardQr.MaximumVersion);
            Assert.Equal(token, QrScanner.ReadPng(CardQr.Png(token)).Text);
        }
    }

    [Fact]
    public async Task A_first_card_token_is_133_characters_and_needs_QR_version_8()
    {
        using var client = await host.SignedInAsync();
        var pass = await PassesApi.IssueAsync(client);
        var passId = (await PassesApi.CardAsync(host.Store, pass.PassCode)).Id;

        // "BP1" + Base32 of 81 bytes: Data Protection's AES-256-GCM envelope (header 4, key id 16,
        // key modifier 16, nonce 12, tag 16) around the 17-byte payload (pass id 16, generation 1).
        var token = host.Services.GetRequiredService<CardTokens>().Create(passId, 1);

        Assert.Equal(133, token.Length);
        Assert.Equal(8, CardQr.Encode(token).Version);
    }
}
