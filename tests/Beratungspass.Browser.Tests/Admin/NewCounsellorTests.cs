using Microsoft.Playwright;

namespace Beratungspass.Browser.Tests.Admin;

/// <summary>An administrator sets up a new institution in the directory, with a location and a service, and a counsellor, who then signs in — all with the keyboard and mouse in Chromium.</summary>
public sealed class NewCounsellorTests(NewCounsellorTests.Host host) : IClassFixture<NewCounsellorTests.Host>
{
    public sealed class Host(TestPostgres postgres) : BrowserHost(postgres);

    [Fact]
    public async Task An_administrator_creates_an_institution_a_service_and_a_counsellor_who_then_signs_in()
    {
        await using var context = await host.NewContextAsync();
        var page = await Desk.SignInAsync(context, "admin", "Demo-Admin-2026");
        Assert.EndsWith("/admin", page.Url, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Verzeichnis: Einrichtungen und Angebote" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Neue Organisation" }).ClickAsync();
        await page.Locator("#id").FillAsync("ia-awo-werne");
        await page.Locator("#name").FillAsync("Integrationsagentur AWO Werne");
        await page.Locator("#description").FillAsync("Integrationsagentur der AWO in Werne: Beratung, Gruppenangebote, Ehrenamt.");
        await page.Locator("#locations-0-name").FillAsync("AWO-Begegnungszentrum Werne");
        await page.Locator("#locations-0-address-street").FillAsync("Beispielstraße 12");
        await page.Locator("#locations-0-address-postalCode").FillAsync("59368");
        await page.Locator("#locations-0-address-town").SelectOptionAsync("Werne");
        await page.GetByRole(AriaRole.Button, new() { Name = "Organisation anlegen" }).ClickAsync();
        await page.WaitForURLAsync("**/directory/edit/organizations/ia-awo-werne?saved=created");
        Assert.Contains("Jetzt ihre Angebote hinzufügen", await page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Neues Angebot" }).ClickAsync();
        await page.WaitForURLAsync("**/directory/edit/services/new?organization=ia-awo-werne");
        await page.Locator("#id").FillAsync("ia-awo-werne-beratung");
        await page.Locator("#name").FillAsync("Integrationsberatung Werne");
        await page.Locator("#description").FillAsync("Beratung zu Arbeit, Wohnen und Behörden.");
        await page.Locator("#topic-work").CheckAsync();
        await page.Locator("#topic-housing").CheckAsync();
        await page.Locator("#locations-0-offered").CheckAsync();
        await page.Locator("#locations-0-hours-0-day-Tuesday").CheckAsync();
        await page.Locator("#locations-0-hours-0-opens").FillAsync("09:00");
        await page.Locator("#locations-0-hours-0-closes").FillAsync("12:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Angebot anlegen" }).ClickAsync();
        await page.WaitForURLAsync("**/directory/edit/services/ia-awo-werne-beratung?saved=created");
        Assert.Equal("Integrationsberatung Werne", await page.Locator("#name").InputValueAsync());

        await page.GotoAsync("/admin/accounts/new");
        await page.GetByLabel("Benutzername").FillAsync("berater.werne");
        await page.GetByLabel("Angezeigter Name").FillAsync("Beraterin Werne");
        await page.GetByLabel("Rolle").SelectOptionAsync("Counsellor");
        await page.GetByLabel("Einrichtung").SelectOptionAsync("ia-awo-werne");
        await page.GetByLabel("Erstes Passwort").FillAsync("zu-kurz");
        // The browser's own check (minlength) is bypassed so the server's answer shows.
        await page.Locator("form.stack").EvaluateAsync("form => form.noValidate = true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Konto anlegen" }).ClickAsync();
        Assert.Contains("mindestens 12 Zeichen", await page.Locator("#password-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Beraterin Werne", await page.GetByLabel("Angezeigter Name").InputValueAsync());
        Assert.Equal("", await page.GetByLabel("Erstes Passwort").InputValueAsync());
        await page.GetByLabel("Erstes Passwort").FillAsync("Werne-Beratung-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Konto anlegen" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/accounts/berater.werne?saved=created");
        await page.ScreenshotAsync(new() { Path = DocsImages.PathOf("admin-account-created.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();
        await page.WaitForURLAsync("**/sign-in");

        await page.Locator("#user").FillAsync("berater.werne");
        await page.Locator("#password").FillAsync("Werne-Beratung-2026");
        await page.Locator("#password").PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        Assert.Equal("Beraterin Werne", await page.Locator(".who").InnerTextAsync());
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" });
        Assert.Equal(1, await navigation.GetByRole(AriaRole.Link, new() { Name = "Pass ausstellen" }).CountAsync());
        Assert.Equal(0, await navigation.GetByRole(AriaRole.Link, new() { Name = "Verwaltung" }).CountAsync());
        await page.GotoAsync("/passes/issue");
        Assert.Equal("Pass ausstellen", (await page.Locator("h1").InnerTextAsync()).Split('\n')[0].Trim());

        // At the first intake the new service is there to record the contact for.
        var passCode = await Desk.IssuePassAsync(page, "de");
        await page.GotoAsync($"/intake/{Desk.InAddress(passCode)}");
        await IntakeSteps.GiveConsentAsync(page, "4829");
        Assert.Equal("Integrationsberatung Werne", (await page.Locator("#contact-service option:checked").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task The_administration_fits_a_768_pixel_tablet_without_sideways_scrolling()
    {
        await using var context = await host.NewContextAsync();
        var page = await Desk.SignInAsync(context, "admin", "Demo-Admin-2026");
        await page.SetViewportSizeAsync(768, 1024);

        foreach (var path in new[] { "/admin", "/admin/accounts", "/admin/accounts/berater.awo", "/admin/api-clients", "/admin/changes" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
            Assert.False(overflow, $"{path} scrolls sideways at 768 px");
        }

        await page.GotoAsync("/admin/accounts/berater.awo");
        await page.ScreenshotAsync(new() { Path = DocsImages.PathOf("admin-account-tablet.png"), FullPage = true });
    }
}
