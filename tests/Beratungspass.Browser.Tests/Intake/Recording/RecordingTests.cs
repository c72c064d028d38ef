using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Beratungspass.Browser.Tests.Intake.Recording;

public sealed class RecordingTests(RecordingTests.Host host) : IClassFixture<RecordingTests.Host>
{
    public sealed class Host(TestPostgres postgres) : BrowserHost(postgres);

    private const string AwoService = "Migrationsberatung (MBE) AWO Unna";

    private const string Pin = "4829";

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

    [Fact]
    public async Task A_topic_another_service_handled_lately_asks_for_confirmation_before_it_is_recorded()
    {
        var code = await Desk.IssuePassAsync(host, "de", Pin);
        await using (var awo = await host.NewContextAsync())
        {
            var page = await Desk.SignInAsync(awo);
            await IntakeSteps.OpenAsync(page, code);
            await IntakeSteps.GiveConsentAsync(page, Pin);
            await IntakeSteps.RecordContactAsync(page, "Wohnen", "Schulden");
        }

        await using var jmd = await host.NewContextAsync(scale: 1);
        var desk = await Desk.SignInAsync(jmd, "berater.jmd");
        await IntakeSteps.OpenAsync(desk, code);
        await IntakeSteps.ShowHistoryAsync(desk, Pin);
        Assert.Equal(AwoService, (await IntakeSteps.HistoryRowsAsync(desk)).Single().Service);
        Assert.Equal("Jugendmigrationsdienst Lünen", await desk.Locator("#contact-service option:checked").InnerTextAsync());
        var events = (await StoredRows.CountAsync(host.ConnectionString)).Events;

        var warned = await IntakeSteps.RecordContactAsync(desk, "Wohnen", "Gesundheit");

        Assert.Equal(200, warned.Status);
        var warning = await desk.Locator("#duplicate-warning").InnerTextAsync();
        Assert.Contains("Vielleicht doppelt beraten?", warning, StringComparison.Ordinal);
        var duplicate = Assert.Single(await desk.Locator("ul.duplicates li").AllInnerTextsAsync());
        Assert.Equal($"Wohnen – {AwoService} (Migrationsberatung für erwachsene Zuwanderer (AWO Unna)), zuletzt am {IntakeSteps.Today}", duplicate);
        Assert.Equal("duplicate-warning", await desk.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal(events, (await StoredRows.CountAsync(host.ConnectionString)).Events);
        await desk.ScreenshotAsync(new() { Path = DocsImages.PathOf("intake-duplicate.png"), FullPage = true });

        await IntakeSteps.SubmitAsync(desk, desk.GetByRole(AriaRole.Button, new() { Name = "Trotzdem erfassen" }));

        Assert.Contains("Der Kontakt wurde erfasst.", await desk.GetByRole(AriaRole.Status).First.InnerTextAsync(), StringComparison.Ordinal);
        var rows = await IntakeSteps.HistoryRowsAsync(desk);
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Service == "Jugendmigrationsdienst Lünen" && r.Topics == "Wohnen, Gesundheit" && r.Contacts == 1);
    }

    [Fact]
    public async Task A_form_sent_twice_records_one_contact_and_a_form_from_before_a_consent_change_is_refused()
    {
        var code = await Desk.IssuePassAsync(host, "de", Pin);
        await using var context = await host.NewContextAsync();
        var page = await Desk.SignInAsync(context);
        await IntakeSteps.OpenAsync(page, code);
        await IntakeSteps.GiveConsentAsync(page, Pin);
        await page.Locator("#topic-family").CheckAsync();
        var sent = await FormFieldsAsync(page, "form[action*='handler=Record']");
        var action = await page.Locator("form[action*='handler=Record']").GetAttributeAsync("action");
        await IntakeSteps.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Kontakt erfassen", Exact = true }));
        Assert.Equal(1, (await IntakeSteps.HistoryRowsAsync(page)).Single().Contacts);

        await using var replayed = await context.APIRequest.PostAsync(action!, new() { Form = sent });

        Assert.Equal(200, replayed.Status);
        Assert.Contains("Dieser Kontakt war bereits erfasst", await replayed.TextAsync(), StringComparison.Ordinal);
        var card = await PassesApi.CardAsync(host.Store, code);
        await using (var session = host.Store.QuerySession())
        {
            var history = await session.LoadAsync<Beratungspass.Passes.PassHistory>(card.Id, TestContext.Current.CancellationToken);
            Assert.Equal(1, history!.Services.Single().Contacts);
        }

        // Another institution records a new consent meanwhile: the open form no longer shows what holds.
        await using (var jmd = await host.NewContextAsync())
        {
            var other = await Desk.SignInAsync(jmd, "berater.jmd");
            await IntakeSteps.OpenAsync(other, code);
            await IntakeSteps.ShowHistoryAsync(other, Pin);
            await other.Locator("ul.consents input[name=pin]").FillAsync(Pin);
            await IntakeSteps.SubmitAsync(other, other.GetByRole(AriaRole.Button, new() { Name = "Einwilligung widerrufen" }));
            await IntakeSteps.GiveConsentAsync(other, Pin);
        }

        var events = (await StoredRows.CountAsync(host.ConnectionString)).Events;
        var stale = await IntakeSteps.RecordContactAsync(page, "Wohnen");

        Assert.Equal(409, stale.Status);
        Assert.Contains("Zwischenzeitlich geändert", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(events, (await StoredRows.CountAsync(host.ConnectionString)).Events);
        await IntakeSteps.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Verlauf erneut anzeigen" }));
        await IntakeSteps.RecordContactAsync(page, "Wohnen");
        Assert.Equal(2, (await IntakeSteps.HistoryRowsAsync(page)).Single().Contacts);
    }

    [Fact]
    public async Task A_date_in_the_future_or_no_topic_is_refused_and_the_form_comes_back_as_filled_in()
    {
        var code = await Desk.IssuePassAsync(host, "de", Pin);
        await using var context = await host.NewContextAsync();
        var page = await Desk.SignInAsync(context);
        await IntakeSteps.OpenAsync(page, code);
        await IntakeSteps.GiveConsentAsync(page, Pin);
        var events = (await StoredRows.CountAsync(host.ConnectionString)).Events;

        // What a browser without date limits (or a hand-made request) could send.
        await page.Locator("#contact-date").EvaluateAsync("e => { e.removeAttribute('max'); e.value = '2099-01-01'; }");
        var future = await IntakeSteps.RecordContactAsync(page, "Schulden");

        Assert.Equal(400, future.Status);
        Assert.Contains("Datum nicht möglich", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("2099-01-01", await page.Locator("#contact-date").InputValueAsync());
        Assert.True(await page.Locator("#topic-debts").IsCheckedAsync());
        Assert.Equal(0, await page.Locator("table.services, #history-empty").CountAsync());

        await page.Locator("#contact-date").FillAsync(await page.Locator("#contact-date").GetAttributeAsync("max") ?? "");
        await page.Locator("#topic-debts").UncheckAsync();
        var noTopic = await IntakeSteps.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Kontakt erfassen", Exact = true }));

        Assert.Equal(400, noTopic.Status);
        Assert.Contains("Themen ungültig", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(events, (await StoredRows.CountAsync(host.ConnectionString)).Events);

        await IntakeSteps.RecordContactAsync(page, "Schulden");
        Assert.Equal("Schulden", (await IntakeSteps.HistoryRowsAsync(page)).Single().Topics);
    }

    private static async Task<IFormData> FormFieldsAsync(IPage page, string form)
    {
        var fields = await page.Locator(form).EvaluateAsync<string[][]>("f => [...new FormData(f).entries()].map(([k, v]) => [k, String(v)])");
        var data = page.Context.APIRequest.CreateFormData();
        foreach (var field in fields)
        {
            data.Append(field[0], field[1]);
        }

        return data;
    }
}
