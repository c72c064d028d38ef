using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Beratungspass.Browser.Tests.Intake.Recording;

public sealed class RecordingTests(RecordingTests.Host host) : IClassFixture<RecordingTests.Host>
{
    public sealed class Host(TestPostgres postgres) : BrowserHost(postgres);

    private const string AwoService = "Migrationsberatung (MBE) AWO Unna";

    [Fact]
    public async Task A_scanned_demo_card_with_consent_and_PIN_shows_the_history_and_each_recorded_contact_counts()
    {
        var token = await IntakeSteps.QrTokenAsync(host, "DEM2-KART-S");
        await using var context = await host.NewContextAsync(scale: 1);
        var page = await Desk.SignInAsync(context);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Aufnahme: Pass scannen" }).ClickAsync();
        await page.WaitForURLAsync("**/intake");
        await page.ScreenshotAsync(new() { Path = DocsImages.PathOf("intake-scan.png") });

        await IntakeSteps.OpenAsync(page, token);

        Assert.EndsWith("/intake/DEM2KARTS", page.Url, StringComparison.Ordinal);
        Assert.Contains("Einwilligung nötig", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("table.services").CountAsync());
        await page.Locator("#scope-network").CheckAsync();
        await page.Locator("#purpose-show-history").CheckAsync();
        await page.Locator("#purpose-record-contacts").CheckAsync();
        await page.Locator("#consent-pin").FillAsync(IntakeSteps.DemoPin);
        await page.ScreenshotAsync(new() { Path = DocsImages.PathOf("intake-consent.png"), FullPage = true });
        var consented = await IntakeSteps.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Einwilligung mit PIN bestätigen" }));

        Assert.Equal(200, consented.Status);
        Assert.Contains("Die Einwilligung wurde gespeichert.", await page.GetByRole(AriaRole.Status).First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Noch keine Beratungsdienste erfasst.", await page.Locator(".history").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await IntakeSteps.HistoryViewsAsync(host, "DEM2-KART-S"));

        await page.Locator("#contact-date").FillAsync(await page.Locator("#contact-date").GetAttributeAsync("max") ?? "");
        var recorded = await IntakeSteps.RecordContactAsync(page, "Arbeit und Arbeitssuche");

        Assert.Equal(200, recorded.Status);
        Assert.Contains("Der Kontakt wurde erfasst.", await page.GetByRole(AriaRole.Status).First.InnerTextAsync(), StringComparison.Ordinal);
        var row = Assert.Single(await IntakeSteps.HistoryRowsAsync(page));
        Assert.Equal((AwoService, "Arbeit und Arbeitssuche", IntakeSteps.Today, IntakeSteps.Today, 1), row);
        Assert.Contains("Migrationsberatung für erwachsene Zuwanderer (AWO Unna)", await page.Locator("table.services .institution-name").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#kind-follow-up").IsCheckedAsync(), "After a first contact at this service the next one is a follow-up.");

        await IntakeSteps.RecordContactAsync(page, "Wohnen");

        row = Assert.Single(await IntakeSteps.HistoryRowsAsync(page));
        Assert.Equal(2, row.Contacts);
        Assert.Equal("Arbeit und Arbeitssuche, Wohnen", row.Topics);
        Assert.Equal(3, await IntakeSteps.HistoryViewsAsync(host, "DEM2-KART-S"));
        await page.Locator("#topic-health").CheckAsync();
        await page.ScreenshotAsync(new() { Path = DocsImages.PathOf("intake-history.png"), FullPage = true });
    }
}
