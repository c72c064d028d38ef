using Microsoft.Playwright;

namespace Beratungspass.Browser.Tests.Intake.Consenting;

public sealed class ConsentTests(ConsentTests.Host host) : IClassFixture<ConsentTests.Host>
{
    public sealed class Host(TestPostgres postgres) : BrowserHost(postgres);

    private const string Pin = "4829";

    [Fact]
    public async Task Five_wrong_PINs_lock_the_pass_for_15_minutes_even_for_the_right_PIN()
    {
        var code = await Desk.IssuePassAsync(host, "de", Pin);
        await using var context = await host.NewContextAsync(scale: 1);
        var page = await Desk.SignInAsync(context);
        await IntakeSteps.OpenAsync(page, code);

        for (var left = 4; left >= 1; left--)
        {
            var wrong = await IntakeSteps.GiveConsentAsync(page, "9137");
            Assert.Equal(403, wrong.Status);
            var alert = await page.GetByRole(AriaRole.Alert).InnerTextAsync();
            Assert.Contains("PIN falsch", alert, StringComparison.Ordinal);
            Assert.Contains(left == 1 ? "Noch 1 Versuch." : $"Noch {left} Versuche.", alert, StringComparison.Ordinal);
            // The refused form comes back as filled in, apart from the PIN, right below the message that has the focus.
            Assert.True(await page.Locator("#scope-network").IsCheckedAsync());
            Assert.True(await page.Locator("#purpose-show-history").IsCheckedAsync());
            Assert.Equal("", await page.Locator("#consent-pin").InputValueAsync());
            Assert.Equal("intake-error", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        }

        var locked = await IntakeSteps.GiveConsentAsync(page, "9137");
        Assert.Equal(423, locked.Status);
        var message = await page.GetByRole(AriaRole.Alert).InnerTextAsync();
        Assert.Contains("Pass vorübergehend gesperrt", message, StringComparison.Ordinal);
        Assert.Contains("15 Minuten", message, StringComparison.Ordinal);
        Assert.Matches(@"Gesperrt bis \d\d:\d\d Uhr\.", message);
        await page.ScreenshotAsync(new() { Path = DocsImages.PathOf("intake-locked.png") });

        var right = await IntakeSteps.GiveConsentAsync(page, Pin);
        Assert.Equal(423, right.Status);
        Assert.Equal(0, await page.Locator("table.services").CountAsync());
        var card = await PassesApi.CardAsync(host.Store, code);
        Assert.Equal(1, card.Version);
    }

    [Fact]
    public async Task A_forgotten_PIN_is_replaced_only_with_a_new_card_which_also_lifts_the_lock()
    {
        var code = await Desk.IssuePassAsync(host, "de", Pin);
        var oldToken = await IntakeSteps.QrTokenAsync(host, code);
        await using var context = await host.NewContextAsync();
        var page = await Desk.SignInAsync(context);
        await IntakeSteps.OpenAsync(page, oldToken);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await IntakeSteps.GiveConsentAsync(page, "9137");
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "PIN vergessen?" }).ClickAsync();
        await page.WaitForURLAsync(Desk.PassPageAddress());
        await page.Locator("#new-pin").FillAsync("3859");
        await page.Locator("#new-pin-repeat").FillAsync("3860");
        var mismatch = await IntakeSteps.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Neue Karte ausstellen" }));
        Assert.Equal(400, mismatch.Status);
        Assert.Contains("PINs stimmen nicht überein", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, (await PassesApi.CardAsync(host.Store, code)).Generation);

        await page.Locator("#new-pin").FillAsync("3859");
        await page.Locator("#new-pin-repeat").FillAsync("3859");
        await page.GetByRole(AriaRole.Button, new() { Name = "Neue Karte ausstellen" }).ClickAsync();
        await page.WaitForURLAsync("**?reissued=pin");
        Assert.Contains("Die neue PIN gilt ab sofort", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);

        var replaced = await IntakeSteps.ScanAsync(page, oldToken);
        Assert.Equal(410, replaced.Status);
        await IntakeSteps.OpenAsync(page, await IntakeSteps.QrTokenAsync(host, code));
        var oldPin = await IntakeSteps.GiveConsentAsync(page, Pin);
        Assert.Equal(403, oldPin.Status);
        Assert.Contains("Noch 4 Versuche.", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#consent-pin").FillAsync("3859");
        var consented = await IntakeSteps.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Einwilligung mit PIN bestätigen" }));
        Assert.Equal(200, consented.Status);
        Assert.True(await page.Locator("#history-heading").IsVisibleAsync());
    }

    [Fact]
    public async Task A_withdrawn_consent_stops_the_history_and_a_wrong_PIN_withdraws_nothing()
    {
        var code = await Desk.IssuePassAsync(host, "de", Pin);
        await using var context = await host.NewContextAsync();
        var page = await Desk.SignInAsync(context);
        await IntakeSteps.OpenAsync(page, code);
        await IntakeSteps.GiveConsentAsync(page, Pin, wholeNetwork: false, "show-history", "record-contacts");
        Assert.Contains("Einwilligung unvollständig", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#institution-mbe-awo-unna").CheckAsync();
        await page.Locator("#consent-pin").FillAsync(Pin);
        await IntakeSteps.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Einwilligung mit PIN bestätigen" }));
        var consents = page.Locator("ul.consents > li");
        Assert.Equal(1, await consents.CountAsync());
        Assert.Contains("Migrationsberatung für erwachsene Zuwanderer (AWO Unna)", await consents.InnerTextAsync(), StringComparison.Ordinal);

        await consents.Locator("input[name=pin]").FillAsync("9137");
        var wrong = await IntakeSteps.SubmitAsync(page, consents.GetByRole(AriaRole.Button, new() { Name = "Einwilligung widerrufen" }));
        Assert.Equal(403, wrong.Status);
        Assert.Contains("PIN falsch", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("table.services, #history-empty").CountAsync());

        await consents.Locator("input[name=pin]").FillAsync(Pin);
        var withdrawn = await IntakeSteps.SubmitAsync(page, consents.GetByRole(AriaRole.Button, new() { Name = "Einwilligung widerrufen" }));

        Assert.Equal(200, withdrawn.Status);
        Assert.Contains("Die Einwilligung wurde widerrufen.", await page.GetByRole(AriaRole.Status).First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Einwilligung nötig", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#show-pin").CountAsync());
        await page.GotoAsync($"/intake/{Desk.InAddress(code)}");
        Assert.Contains("Einwilligung nötig", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_and_PIN_can_be_given_with_the_keyboard_alone()
    {
        var code = await Desk.IssuePassAsync(host, "de", Pin);
        await using var context = await host.NewContextAsync();
        var page = await Desk.SignInAsync(context);
        await page.GotoAsync("/intake");
        var keyboard = page.Keyboard;

        // The scan field has the focus: type the code as a scanner would and press Enter.
        await keyboard.TypeAsync(code);
        await keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(IntakeSteps.IntakeAddress());

        // The consent form's first field has the focus; Space chooses, Tab moves on.
        Assert.Equal("scope-network", await FocusedId(page));
        await keyboard.PressAsync("Space");
        await keyboard.PressAsync("Tab");
        Assert.StartsWith("institution-", await FocusedId(page), StringComparison.Ordinal);
        while ((await FocusedId(page)).StartsWith("institution-", StringComparison.Ordinal))
        {
            await keyboard.PressAsync("Tab");
        }

        Assert.Equal("purpose-show-history", await FocusedId(page));
        await keyboard.PressAsync("Space");
        await keyboard.PressAsync("Tab");
        await keyboard.PressAsync("Space");
        while (await FocusedId(page) != "consent-pin")
        {
            await keyboard.PressAsync("Tab");
        }

        await keyboard.TypeAsync(Pin);
        await page.RunAndWaitForResponseAsync(() => keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);

        Assert.Equal("intake-notice", await FocusedId(page));
        Assert.True(await page.Locator("#history-heading").IsVisibleAsync());
        while (await FocusedId(page) != "contact-service")
        {
            await keyboard.PressAsync("Tab");
        }

        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.Equal("solid", outline);
    }

    private static Task<string> FocusedId(IPage page) => page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");
}
