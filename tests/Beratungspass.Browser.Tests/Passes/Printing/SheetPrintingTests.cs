using Microsoft.Playwright;

namespace Beratungspass.Browser.Tests.Passes.Printing;

public sealed class SheetPrintingTests(SheetPrintingTests.Host host) : IClassFixture<SheetPrintingTests.Host>
{
    public sealed class Host(TestPostgres postgres) : BrowserHost(postgres);

    private const double A4WidthPoints = 210 * PdfPages.PointsPerMillimetre;
    private const double A4HeightPoints = 297 * PdfPages.PointsPerMillimetre;

    [Fact]
    public async Task The_Ukrainian_sheet_shows_the_pass_code_explains_the_pass_in_Ukrainian_and_prints_on_A4()
    {
        var code = await Desk.IssuePassAsync(host, "uk");
        await using var context = await host.NewContextAsync();
        var page = await Desk.SignInAsync(context);

        await page.GotoAsync($"/passes/{Desk.InAddress(code)}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Merkblatt drucken" }).ClickAsync();
        await page.WaitForURLAsync($"**/passes/{Desk.InAddress(code)}/sheet");
        await page.Locator(".sheet").ScreenshotAsync(new() { Path = DocsImages.PathOf("sheet-uk.png"), Scale = ScreenshotScale.Css });

        Assert.Equal("uk", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(code, await page.Locator(".sheet .pass-code").InnerTextAsync());
        Assert.Equal("Ваша картка консультацій: що важливо знати", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        var headings = await page.GetByRole(AriaRole.Heading, new() { Level = 2 }).AllInnerTextsAsync();
        Assert.Contains("Ваші права", headings);
        Assert.Contains("Загубили картку?", headings);
        Assert.Contains("Migrationsberatung für erwachsene Zuwanderer (AWO Unna)", await page.Locator(".sheet-facts").InnerTextAsync(), StringComparison.Ordinal);

        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });

        var (width, height) = Assert.Single(PdfPages.Sizes(pdf));
        Assert.InRange(width, A4WidthPoints - 1.5, A4WidthPoints + 1.5);
        Assert.InRange(height, A4HeightPoints - 1.5, A4HeightPoints + 1.5);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    [InlineData("ar")]
    [InlineData("uk")]
    [InlineData("ru")]
    [InlineData("tr")]
    [InlineData("fa")]
    public async Task The_sheet_fits_on_one_A4_page_in_every_client_language(string language)
    {
        var code = await Desk.IssuePassAsync(host, "de");
        await using var context = await host.NewContextAsync();
        var page = await Desk.SignInAsync(context);
        await page.GotoAsync($"/passes/{Desk.InAddress(code)}/sheet?lang={language}");

        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });

        Assert.Single(PdfPages.Sizes(pdf));
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task The_Arabic_sheet_reads_right_to_left_with_the_code_left_to_right()
    {
        var code = await Desk.IssuePassAsync(host, "ar");
        await using var context = await host.NewContextAsync();
        var page = await Desk.SignInAsync(context);

        await page.GotoAsync($"/passes/{Desk.InAddress(code)}/sheet");
        await page.Locator(".sheet").ScreenshotAsync(new() { Path = DocsImages.PathOf("sheet-ar.png"), Scale = ScreenshotScale.Css });

        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal("ltr", await page.Locator(".sheet .pass-code").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.Equal(code, await page.Locator(".sheet .pass-code").InnerTextAsync());
        Assert.Equal("حقوقك", await page.Locator("#rights").InnerTextAsync());
    }
}
