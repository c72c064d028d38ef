using Microsoft.Playwright;

namespace Beratungspass.Browser.Tests.Intake.Viewing;

public sealed class HistoryTests(HistoryTests.Host host) : IClassFixture<HistoryTests.Host>
{
    public sealed class Host(TestPostgres postgres) : BrowserHost(postgres);

    private const string Pin = "4829";

    [Fact]
    public async Task A_scanned_card_alone_shows_no_history_and_each_display_after_the_PIN_is_recorded_once()
    {
        var code = await Desk.IssuePassAsync(host, "de", Pin);
        await using (var first = await host.NewContextAsync())
        {
            var page = await Desk.SignInAsync(first);
            await IntakeSteps.OpenAsync(page, code);
            await IntakeSteps.GiveConsentAsync(page, Pin);
            await IntakeSteps.RecordContactAsync(page, "Aufenthaltsrecht");
        }

        var before = await IntakeSteps.HistoryViewsAsync(host, code);
        await using var context = await host.NewContextAsync(scale: 1);
        var desk = await Desk.SignInAsync(context);

        await IntakeSteps.OpenAsync(desk, code);
        Assert.Equal(0, await desk.Locator("table.services").CountAsync());
        Assert.DoesNotContain("Aufenthaltsrecht", await desk.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("show-pin", await desk.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal(before, await IntakeSteps.HistoryViewsAsync(host, code));

        var shown = await IntakeSteps.ShowHistoryAsync(desk, Pin);
        Assert.Contains("no-store", await shown.HeaderValueAsync("cache-control") ?? "", StringComparison.Ordinal);
        Assert.Equal("Aufenthaltsrecht", (await IntakeSteps.HistoryRowsAsync(desk)).Single().Topics);
        Assert.Equal(before + 1, await IntakeSteps.HistoryViewsAsync(host, code));
        Assert.DoesNotContain("presence", desk.Url, StringComparison.OrdinalIgnoreCase);

        // Opening the address again is not a display: the presence proof lives only in the form.
        await desk.GotoAsync(desk.Url);
        Assert.Equal(0, await desk.Locator("table.services").CountAsync());
        Assert.True(await desk.Locator("#show-pin").IsVisibleAsync());
        Assert.Equal(before + 1, await IntakeSteps.HistoryViewsAsync(host, code));
        await desk.ScreenshotAsync(new() { Path = DocsImages.PathOf("intake-pin.png") });

        var wrong = await IntakeSteps.ShowHistoryAsync(desk, "9137");
        Assert.Equal(403, wrong.Status);
        Assert.Contains("Noch 4 Versuche.", await desk.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await desk.Locator("table.services").CountAsync());
        Assert.Equal(before + 1, await IntakeSteps.HistoryViewsAsync(host, code));
    }

    [Fact]
    public async Task The_English_switch_turns_the_intake_into_English_and_back()
    {
        var code = await Desk.IssuePassAsync(host, "de", Pin);
        await using var context = await host.NewContextAsync();
        var page = await Desk.SignInAsync(context);
        await page.GotoAsync("/intake");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.WaitForURLAsync("**/intake");

        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Intake: scan a pass", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("QR content or pass code", await page.Locator("label[for=scan]").InnerTextAsync());
        await IntakeSteps.OpenAsync(page, code);
        Assert.Contains("Consent needed", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#scope-network").CheckAsync();
        await page.Locator("#purpose-show-history").CheckAsync();
        await page.Locator("#purpose-record-contacts").CheckAsync();
        await page.Locator("#consent-pin").FillAsync(Pin);
        await IntakeSteps.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Confirm the consent with the PIN" }));
        Assert.Equal("The history at a glance", await page.Locator("#history-heading").InnerTextAsync());
        await page.GetByLabel("Work and job search", new() { Exact = true }).CheckAsync();
        await IntakeSteps.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Record the contact" }));
        Assert.Equal("The contact was recorded.", await page.GetByRole(AriaRole.Status).First.InnerTextAsync());
        Assert.Equal("Work and job search", (await IntakeSteps.HistoryRowsAsync(page)).Single().Topics);

        await page.GetByRole(AriaRole.Button, new() { Name = "Deutsch" }).ClickAsync();
        await page.WaitForURLAsync(IntakeSteps.IntakeAddress());
        Assert.Equal("de", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("Verlauf anzeigen", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/");
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Aufnahme: Pass scannen" }).IsVisibleAsync());
    }

    [Fact]
    public async Task At_tablet_width_the_history_and_the_contact_form_fit_without_sideways_scrolling()
    {
        var code = await Desk.IssuePassAsync(host, "de", Pin);
        await using var context = await host.NewContextAsync(width: 768, scale: 1);
        var page = await Desk.SignInAsync(context);
        await IntakeSteps.OpenAsync(page, code);
        await IntakeSteps.GiveConsentAsync(page, Pin);
        await IntakeSteps.RecordContactAsync(page, "Sprach- und Integrationskurs", "Anerkennung von Abschlüssen", "Schule, Ausbildung, Studium");

        Assert.Single(await IntakeSteps.HistoryRowsAsync(page));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The page scrolls sideways at 768 px.");
        foreach (var selector in new[] { "#contact-service", "#contact-date", "#topic-housing", "#kind-first", "button[type=submit]" })
        {
            var box = await page.Locator(selector).First.BoundingBoxAsync();
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 768, $"{selector} is outside the 768 px screen.");
        }

        await page.ScreenshotAsync(new() { Path = DocsImages.PathOf("intake-tablet.png"), FullPage = true });
    }
}
