using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Beratungspass.Browser.Tests.Passes.Printing;

public sealed class CardPrintingTests(CardPrintingTests.Host host) : IClassFixture<CardPrintingTests.Host>
{
    public sealed class Host(TestPostgres postgres) : BrowserHost(postgres);

    /// <summary>85.6 mm at 96 CSS pixels per inch.</summary>
    private const double CardWidthPixels = 85.6 / 25.4 * 96;

    private const double CardHeightPixels = 54 / 25.4 * 96;

    [Fact]
    public async Task A_pass_issued_in_Arabic_prints_a_card_whose_QR_names_the_pass_code_shown()
    {
        await using var context = await host.NewContextAsync();
        var page = await Desk.SignInAsync(context);

        var code = await Desk.IssuePassAsync(page, "ar");
        Assert.Contains("Der Pass wurde ausgestellt", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Karte drucken" }).ClickAsync();
        await page.WaitForURLAsync($"**/passes/{Desk.InAddress(code)}/card");
        var (token, _) = await Desk.ScanCardAsync(page, saveAs: "card-ar.png");

        Assert.Equal(code, await page.Locator(".card .pass-code").InnerTextAsync());
        using var client = await host.SignedInAsync();
        using var resolved = await client.PostAsJsonAsync("/api/v1/tokens/resolve", new { token }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var body = await resolved.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(code, body.GetProperty("passCode").GetString());
        Assert.Equal("valid", body.GetProperty("cardState").GetString());
    }

    [Fact]
    public async Task The_Arabic_card_reads_right_to_left_prints_at_ID_1_size_and_keeps_the_code_left_to_right()
    {
        var code = await Desk.IssuePassAsync(host, "ar");
        await using var context = await host.NewContextAsync();
        var page = await Desk.SignInAsync(context);

        await page.GotoAsync($"/passes/{Desk.InAddress(code)}/card");
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        var html = page.Locator("html");
        Assert.Equal("ar", await html.GetAttributeAsync("lang"));
        Assert.Equal("rtl", await html.GetAttributeAsync("dir"));
        Assert.Equal("rtl", await Direction(page.Locator(".card-explanation")));
        var card = await page.Locator(".card").BoundingBoxAsync();
        Assert.NotNull(card);
        Assert.InRange(card.Width, CardWidthPixels - 2, CardWidthPixels + 2);
        Assert.InRange(card.Height, CardHeightPixels - 2, CardHeightPixels + 2);
        var passCode = page.Locator(".card .pass-code");
        Assert.Equal("ltr", await Direction(passCode));
        Assert.Equal(code, await passCode.InnerTextAsync());
        var qr = await page.Locator(".card svg").BoundingBoxAsync();
        Assert.True(qr!.Width >= 30 / 25.4 * 96, $"The QR is {qr.Width / 96 * 25.4:0.0} mm wide; a printed card needs at least 30 mm.");
        Assert.False(await page.Locator(".print-toolbar").IsVisibleAsync(), "The tool bar must not print on the card.");
    }

    [Fact]
    public async Task The_card_prints_as_one_page_of_card_size()
    {
        var code = await Desk.IssuePassAsync(host, "ru");
        await using var context = await host.NewContextAsync();
        var page = await Desk.SignInAsync(context);
        await page.GotoAsync($"/passes/{Desk.InAddress(code)}/card");

        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });

        var (width, height) = Assert.Single(PdfPages.Sizes(pdf));
        Assert.InRange(width, (85.6 - 0.5) * PdfPages.PointsPerMillimetre, (85.6 + 0.5) * PdfPages.PointsPerMillimetre);
        Assert.InRange(height, (54 - 0.5) * PdfPages.PointsPerMillimetre, (54 + 0.5) * PdfPages.PointsPerMillimetre);
    }

    [Fact]
    public async Task The_print_button_opens_the_print_dialog_and_without_JavaScript_the_card_still_shows()
    {
        var code = await Desk.IssuePassAsync(host, "tr");
        await using (var context = await host.NewContextAsync())
        {
            // Counts calls instead of opening a dialog headless Chromium cannot show.
            await context.AddInitScriptAsync("window.print = () => { window.printCalls = (window.printCalls || 0) + 1; };");
            var page = await Desk.SignInAsync(context);
            await page.GotoAsync($"/passes/{Desk.InAddress(code)}/card");

            await page.GetByRole(AriaRole.Button, new() { Name = "Drucken" }).ClickAsync();

            Assert.Equal(1, await page.EvaluateAsync<int>("() => window.printCalls"));
        }

        await using (var context = await host.NewContextAsync(javaScript: false))
        {
            var page = await Desk.SignInAsync(context);
            await page.GotoAsync($"/passes/{Desk.InAddress(code)}/card");

            Assert.False(await page.Locator(".print-button").IsVisibleAsync(), "Without JavaScript the print button does nothing, so it must not show.");
            Assert.True(await page.Locator(".card svg").IsVisibleAsync());
            Assert.Equal(code, await page.Locator(".card .pass-code").InnerTextAsync());
        }
    }

    [Fact]
    public async Task The_card_prints_in_another_language_on_request_and_an_unknown_language_is_refused()
    {
        var code = await Desk.IssuePassAsync(host, "de");
        await using var context = await host.NewContextAsync();
        var page = await Desk.SignInAsync(context);

        await page.GotoAsync($"/passes/{Desk.InAddress(code)}/card");
        await page.GetByRole(AriaRole.Link, new() { Name = "فارسی" }).ClickAsync();
        await page.WaitForURLAsync("**/card?lang=fa");
        var (token, _) = await Desk.ScanCardAsync(page, saveAs: "card-fa.png");

        Assert.Equal("fa", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Contains("کارت مشاورهٔ شماست", await page.Locator(".card-explanation").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("page", await page.GetByRole(AriaRole.Link, new() { Name = "فارسی" }).GetAttributeAsync("aria-current"));
        Assert.StartsWith("BP1", token, StringComparison.Ordinal);

        var refused = await page.GotoAsync($"/passes/{Desk.InAddress(code)}/card?lang=xx");

        Assert.Equal(400, refused!.Status);
        Assert.Contains("Sprache nicht verfügbar", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".card").CountAsync());
    }

    [Fact]
    public async Task Card_and_sheet_load_their_style_and_script_without_breaking_the_content_security_policy()
    {
        var code = await Desk.IssuePassAsync(host, "en");
        await using var context = await host.NewContextAsync();
        await Desk.SignInAsync(context);
        var page = await context.NewPageAsync();
        var complaints = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                complaints.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => complaints.Add(error);

        foreach (var kind in new[] { "card", "sheet" })
        {
            var response = await page.GotoAsync($"/passes/{Desk.InAddress(code)}/{kind}");
            Assert.Equal(200, response!.Status);
            Assert.Equal("no-store", await response.HeaderValueAsync("cache-control"));
            Assert.True(await page.Locator(".print-button").IsVisibleAsync(), $"The print script did not run on the {kind}.");
        }

        Assert.True(complaints.Count == 0, string.Join(Environment.NewLine, complaints));
    }

    private static Task<string> Direction(ILocator element) => element.EvaluateAsync<string>("e => getComputedStyle(e).direction");
}
