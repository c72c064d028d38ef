using Beratungspass.ServiceDirectory;
using Beratungspass.Web.ServiceDirectory.Editing;
using Microsoft.Playwright;
using NodaTime;

namespace Beratungspass.Browser.Tests.ServiceDirectory;

/// <summary>A coordinator keeps a service's opening hours and contact persons up to date with keyboard and mouse in Chromium.</summary>
public sealed class EditingTests(EditingTests.Host host) : IClassFixture<EditingTests.Host>
{
    public sealed class Host(TestPostgres postgres) : BrowserHost(postgres)
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            using var scope = Services.CreateScope();
            var editing = scope.ServiceProvider.GetRequiredService<DirectoryEditing>();
            var location = new DirectoryLocation(Guid.NewGuid(), "Beratungsladen Kamen", null,
                new PostalAddress("Markt 7", "59174", "Kamen"), "Bus R12 bis Markt", "Ebenerdig", null, null);
            await editing.CreateOrganizationAsync("beratungsladen-kamen", new OrganizationDetails(
                "Beratungsladen Kamen", null, "Offene Beratung für Zugewanderte in Kamen.", null, null, [], [location]), "admin", CancellationToken.None);
            await editing.CreateServiceAsync("beratungsladen-kamen", "beratungsladen-sozialberatung", new ServiceDetails(
                "Sozialberatung im Beratungsladen", null, "Hilfe bei Anträgen und Briefen.", ServiceStatus.Active, null, null, null, null, null, null, null,
                ["social-benefits"], ["de", "tr"], [],
                [new ServiceLocation(Guid.NewGuid(), location.Id, [new OpeningHours(Guid.NewGuid(), [IsoDayOfWeek.Monday], new LocalTime(9, 0), new LocalTime(12, 0), null)])]),
                [new StaffContact(Guid.NewGuid(), "Erika Beispiel", "Leitung", "02307 555010", null, "Mo 9–12 Uhr")], "admin", CancellationToken.None);
        }
    }

    private const string Service = "/directory/edit/services/beratungsladen-sozialberatung";

    [Fact]
    public async Task A_coordinator_changes_opening_hours_and_a_contact_person_and_sees_it_in_the_history()
    {
        await using var context = await host.NewContextAsync(scale: 1);
        var page = await Desk.SignInAsync(context, "koordination.kim", "Demo-Koordination-2026");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Verzeichnis" }).ClickAsync();
        await page.WaitForURLAsync("**/directory/edit");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sozialberatung im Beratungsladen" }).ClickAsync();
        await page.WaitForURLAsync("**" + Service);

        // Tuesday by keyboard, a later closing time, then a second slot added with the server-side button.
        await page.Locator("#locations-0-hours-0-day-Tuesday").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Locator("#locations-0-hours-0-closes").FillAsync("13:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Weitere Öffnungszeit – Beratungsladen Kamen, Markt 7, 59174 Kamen" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Equal("locations-0-hours-2-day-Monday", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.True(await page.Locator("#locations-0-hours-0-day-Tuesday").IsCheckedAsync(), "Adding a row keeps what was entered.");
        Assert.Equal("13:00", await page.Locator("#locations-0-hours-0-closes").InputValueAsync());
        await page.Locator("#locations-0-hours-1-day-Thursday").CheckAsync();
        await page.Locator("#locations-0-hours-1-opens").FillAsync("14:00");
        await page.Locator("#locations-0-hours-1-closes").FillAsync("16:00");
        await page.Locator("#locations-0-hours-1-note").FillAsync("nur mit Termin");
        await page.Locator("#staffContacts-0-reachable").FillAsync("Mo und Di 9–13 Uhr");
        await page.Locator("#staffContacts-1-name").FillAsync("Deniz Muster");
        await page.Locator("#staffContacts-1-role").FillAsync("Beratung auf Türkisch");
        await page.Locator("#staffContacts-1-email").FillAsync("deniz.muster@beratungsladen.example");
        await page.ScreenshotAsync(new() { Path = DocsImages.PathOf("directory-edit-service.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Änderungen speichern" }).ClickAsync();

        await page.WaitForURLAsync("**" + Service + "?saved=changed");
        Assert.Equal("Gespeichert.", (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Trim());
        Assert.True(await page.Locator("#locations-0-hours-0-day-Tuesday").IsCheckedAsync());
        Assert.Equal("nur mit Termin", await page.Locator("#locations-0-hours-1-note").InputValueAsync());
        Assert.Equal("Deniz Muster", await page.Locator("#staffContacts-1-name").InputValueAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Alle Änderungen" }).ClickAsync();
        await page.WaitForURLAsync("**" + Service + "/history");
        var latest = await page.Locator(".history-list > li").First.InnerTextAsync();
        Assert.Contains("geändert", latest, StringComparison.Ordinal);
        Assert.Contains("Demo-Koordination KIM", latest, StringComparison.Ordinal);
        Assert.Contains("Standort 1 › Öffnungszeit 1 › bis", latest, StringComparison.Ordinal);
        Assert.Contains("13:00:00", latest, StringComparison.Ordinal);
        Assert.Contains("Dienstag", latest, StringComparison.Ordinal);
        Assert.Contains("Mo und Di 9–13 Uhr", latest, StringComparison.Ordinal);
        Assert.Contains("Deniz Muster", latest, StringComparison.Ordinal);
        var first = await page.Locator(".history-list > li").Last.InnerTextAsync();
        Assert.Contains("angelegt", first, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = DocsImages.PathOf("directory-edit-history.png"), FullPage = true });
    }

    [Fact]
    public async Task A_mistake_is_summarised_at_the_top_with_focus_and_its_link_leads_to_the_field()
    {
        await using var context = await host.NewContextAsync(scale: 1);
        var page = await Desk.SignInAsync(context, "koordination.kim", "Demo-Koordination-2026");
        await page.GotoAsync(Service);

        await page.Locator("#locations-0-hours-0-opens").FillAsync("15:00");
        await page.Locator("#name").FillAsync("Sozialberatung <b>neu</b>");
        await page.Locator("#name").PressAsync("Enter");
        await page.WaitForLoadStateAsync();

        Assert.Equal("form-errors", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        var summary = page.Locator("#form-errors");
        Assert.Contains("Die Schlusszeit liegt nicht nach der Öffnungszeit.", await summary.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Sozialberatung <b>neu</b>", await page.Locator("#name").InputValueAsync());
        await page.ScreenshotAsync(new() { Path = DocsImages.PathOf("directory-edit-errors.png") });
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        Assert.Equal("locations-0-hours-0-closes", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("true", await page.Locator("#locations-0-hours-0-closes").GetAttributeAsync("aria-invalid"));

        await page.GotoAsync(Service);
        Assert.Equal("Sozialberatung im Beratungsladen", await page.Locator("#name").InputValueAsync());
    }

    [Fact]
    public async Task A_coordinator_whose_form_went_stale_sees_who_changed_what_and_what_they_had_entered()
    {
        await using var context = await host.NewContextAsync(scale: 1);
        var page = await Desk.SignInAsync(context, "koordination.kim", "Demo-Koordination-2026");
        await page.GotoAsync("/directory/edit/organizations/beratungsladen-kamen");
        await using var otherContext = await host.NewContextAsync(scale: 1);
        var other = await Desk.SignInAsync(otherContext, "admin", "Demo-Admin-2026");
        await other.GotoAsync("/directory/edit/organizations/beratungsladen-kamen");
        await other.Locator("#website").FillAsync("https://beratungsladen-kamen.example");
        await other.GetByRole(AriaRole.Button, new() { Name = "Änderungen speichern" }).ClickAsync();
        await other.WaitForURLAsync("**?saved=changed");

        await page.Locator("#locations-0-transportation").FillAsync("Bus R12 und R13 bis Markt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Änderungen speichern" }).ClickAsync();
        await page.WaitForLoadStateAsync();

        Assert.Equal("changed-meanwhile", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        var notice = await page.Locator("#changed-meanwhile").InnerTextAsync();
        Assert.Contains("Demo-Administration", notice, StringComparison.Ordinal);
        Assert.Contains("https://beratungsladen-kamen.example", notice, StringComparison.Ordinal);
        Assert.Contains("Bus R12 und R13 bis Markt", notice, StringComparison.Ordinal);
        Assert.Equal("https://beratungsladen-kamen.example", await page.Locator("#website").InputValueAsync());
        await page.ScreenshotAsync(new() { Path = DocsImages.PathOf("directory-edit-changed-meanwhile.png") });

        await page.Locator("#locations-0-transportation").FillAsync("Bus R12 und R13 bis Markt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Änderungen speichern" }).ClickAsync();
        await page.WaitForURLAsync("**?saved=changed");
        Assert.Equal("https://beratungsladen-kamen.example", await page.Locator("#website").InputValueAsync());
        Assert.Equal("Bus R12 und R13 bis Markt", await page.Locator("#locations-0-transportation").InputValueAsync());
    }

    [Fact]
    public async Task The_edit_pages_fit_a_360_pixel_phone_without_sideways_scrolling()
    {
        await using var context = await host.NewContextAsync(width: 360, scale: 1);
        var page = await Desk.SignInAsync(context, "koordination.kim", "Demo-Koordination-2026");

        foreach (var path in new[] { "/directory/edit", "/directory/edit/organizations/new", "/directory/edit/organizations/beratungsladen-kamen",
                     Service, Service + "/history", "/directory/edit/services/new?organization=beratungsladen-kamen" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
            var wide = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ':' + Math.round(e.getBoundingClientRect().right)).join(' | ')");
            Assert.False(overflow, $"{path} scrolls sideways at 360 px: {wide}");
        }

        await page.GotoAsync("/directory/edit");
        await page.ScreenshotAsync(new() { Path = DocsImages.PathOf("directory-edit-list-phone.png") });
    }
}
