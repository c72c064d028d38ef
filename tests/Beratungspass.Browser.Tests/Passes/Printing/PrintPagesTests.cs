using System.Net;
using System.Text.RegularExpressions;
using Beratungspass.Passes;

namespace Beratungspass.Browser.Tests.Passes.Printing;

/// <summary>The card and sheet pages over plain HTTP: access, addresses, languages.</summary>
public sealed partial class PrintPagesTests(PrintPagesTests.Host host) : IClassFixture<PrintPagesTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    public static TheoryData<string> Languages => new(ClientLanguages.All.Select(l => l.Code()));

    [Theory]
    [InlineData("card")]
    [InlineData("sheet")]
    public async Task Without_sign_in_the_page_sends_the_browser_to_the_sign_in_form(string kind)
    {
        using var client = host.Client();

        using var response = await client.GetAsync($"/passes/DEM2KARTS/{kind}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("card")]
    [InlineData("sheet")]
    public async Task An_unknown_pass_code_answers_404(string kind)
    {
        using var client = await host.SignedInAsync();

        using var response = await client.GetAsync($"/passes/{PassCode.New().Value}/{kind}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Card_and_sheet_print_in_every_client_language_with_its_writing_direction(string code)
    {
        using var client = await host.SignedInAsync();
        var passCode = Desk.InAddress(await Desk.IssuePassAsync(host, "de"));
        var direction = ClientLanguages.TryParse(code, out var language) && language.IsRightToLeft() ? "rtl" : "ltr";

        foreach (var kind in new[] { "card", "sheet" })
        {
            using var response = await client.GetAsync($"/passes/{passCode}/{kind}?lang={code}", TestContext.Current.CancellationToken);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"<html lang=\"{code}\" dir=\"{direction}\">", html, StringComparison.Ordinal);
            Assert.True(response.Headers.CacheControl?.NoStore, "A page with the card's QR must not be cached.");
        }
    }

    [Fact]
    public async Task The_card_follows_the_clients_stored_language_without_a_choice()
    {
        using var client = await host.SignedInAsync();
        var passCode = Desk.InAddress(await Desk.IssuePassAsync(host, "tr"));

        // Razor writes letters outside Basic Latin as character references; read the text as a browser does.
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/passes/{passCode}/card", TestContext.Current.CancellationToken));

        Assert.Contains("<html lang=\"tr\" dir=\"ltr\">", html, StringComparison.Ordinal);
        Assert.Contains("Bu, danışmanlık kartınızdır.", html, StringComparison.Ordinal);
        Assert.Matches(QrTitle(), html);
    }

    [GeneratedRegex("<svg [^>]*role=\"img\"><title>Danışmanlık kartınızın QR kodu</title>")]
    private static partial Regex QrTitle();
}
