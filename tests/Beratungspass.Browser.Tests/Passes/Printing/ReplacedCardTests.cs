using Microsoft.Playwright;

namespace Beratungspass.Browser.Tests.Passes.Printing;

public sealed class ReplacedCardTests(ReplacedCardTests.Host host) : IClassFixture<ReplacedCardTests.Host>
{
    public sealed class Host(TestPostgres postgres) : BrowserHost(postgres);

    [Fact]
    public async Task After_a_new_card_the_old_card_scans_as_replaced_and_the_new_card_opens_the_pass()
    {
        var code = await Desk.IssuePassAsync(host, "de");
        await using var context = await host.NewContextAsync();
        var page = await Desk.SignInAsync(context);
        await page.GotoAsync($"/passes/{Desk.InAddress(code)}/card");
        var (oldToken, _) = await Desk.ScanCardAsync(page);

        await page.GotoAsync($"/passes/{Desk.InAddress(code)}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Neue Karte ausstellen" }).ClickAsync();
        await page.WaitForURLAsync("**?reissued=1");
        Assert.Contains("Ältere Karten gelten ab sofort nicht mehr", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Karte drucken" }).ClickAsync();
        await page.WaitForURLAsync("**/card");
        var (newToken, _) = await Desk.ScanCardAsync(page, saveAs: "card-de.png");

        Assert.NotEqual(oldToken, newToken);

        await Desk.FindAsync(page, oldToken);
        Assert.Contains("Karte ersetzt", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.EndsWith("/passes/find", page.Url, StringComparison.Ordinal);

        await Desk.FindAsync(page, newToken);
        await page.WaitForURLAsync(Desk.PassPageAddress());
        Assert.Equal(code, await page.Locator("h1 .pass-code").InnerTextAsync());
    }
}
