using System.Net;
using Beratungspass.ServiceDirectory;
using Marten;
using NodaTime;

namespace Beratungspass.Tests.ServiceDirectory.Editing;

/// <summary>
/// Coordinators keep the directory through its edit pages: creating, editing with validation, concurrent
/// edits, retiring, and the history of who changed what and when.
/// </summary>
public sealed class DirectoryEditingTests(DirectoryEditingTests.Host host) : IClassFixture<DirectoryEditingTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres)
    {
        public SettableClock Clock { get; } = new(Instant.FromUtc(2026, 3, 2, 8, 30));

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IClock>(Clock);
    }

    private const string Coordinator = "koordination.kim";
    private const string CoordinatorPassword = "Demo-Koordination-2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpClient> CoordinatorAsync() => host.DeskAsync(Coordinator, CoordinatorPassword);

    private async Task<DirectoryOrganization?> OrganizationAsync(string id)
    {
        await using var session = host.Store.QuerySession();
        return await session.LoadAsync<DirectoryOrganization>(DirectoryStreams.Organization(id), Ct);
    }

    private async Task<DirectoryService?> ServiceAsync(string id)
    {
        await using var session = host.Store.QuerySession();
        return await session.LoadAsync<DirectoryService>(DirectoryStreams.Service(id), Ct);
    }

    [Fact]
    public async Task A_coordinator_creates_an_organization_with_a_location_and_a_service_offered_there()
    {
        var coordinator = await CoordinatorAsync();

        var organizationPage = await EditForms.CreateOrganizationAsync(coordinator, "ia-awo-werne", "Integrationsagentur AWO Werne");
        var servicePage = await EditForms.CreateServiceAsync(coordinator, "ia-awo-werne", "ia-awo-werne-beratung", "Integrationsberatung Werne");

        Assert.Equal("/directory/edit/organizations/ia-awo-werne?saved=created", organizationPage);
        Assert.Equal("/directory/edit/services/ia-awo-werne-beratung?saved=created", servicePage);
        var organization = (await OrganizationAsync("ia-awo-werne"))!;
        var location = Assert.Single(organization.Details.Locations);
        Assert.Equal(new PostalAddress("Beispielweg 3", "59368", "Werne"), location.Address);
        Assert.Equal(["de"], Assert.Single(organization.Details.Phones).Languages);
        Assert.Equal(Coordinator, organization.LastModifiedBy);
        var service = (await ServiceAsync("ia-awo-werne-beratung"))!;
        Assert.Equal("ia-awo-werne", service.OrganizationId);
        Assert.Equal(["residence-law", "work"], service.Details.Topics);
        Assert.Equal(["de", "ar"], service.Details.Languages);
        Assert.Equal(27, service.Details.MinimumAge);
        var at = Assert.Single(service.Details.Locations);
        Assert.Equal(location.Id, at.LocationId);
        var hours = Assert.Single(at.Hours);
        Assert.Equal([IsoDayOfWeek.Monday, IsoDayOfWeek.Wednesday], hours.Days);
        Assert.Equal(new LocalTime(9, 0), hours.Opens);
        Assert.Equal("Erika Beispiel", Assert.Single(service.StaffContacts).Name);

        var list = await Forms.PageAsync(coordinator, "/directory/edit");
        Assert.Contains("Integrationsberatung Werne", Forms.TextOf(list, "organization-ia-awo-werne"), StringComparison.Ordinal);
        var shown = await Forms.PageAsync(coordinator, servicePage);
        Assert.Contains("angelegt", Forms.TextOf(shown, "saved"), StringComparison.Ordinal);
        Assert.Contains("Nur für Fachkräfte sichtbar", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_a_form_unchanged_keeps_every_id_and_records_no_change()
    {
        var coordinator = await CoordinatorAsync();
        await EditForms.CreateOrganizationAsync(coordinator, "unveraendert", "Unveränderte Beratung");
        await EditForms.CreateServiceAsync(coordinator, "unveraendert", "unveraendert-angebot", "Unverändertes Angebot");
        var before = (await ServiceAsync("unveraendert-angebot"))!;

        using var organization = await EditForms.PostAsync(coordinator, "/directory/edit/organizations/unveraendert");
        using var service = await EditForms.PostAsync(coordinator, "/directory/edit/services/unveraendert-angebot");

        Assert.Equal("/directory/edit/organizations/unveraendert?saved=unchanged", organization.Headers.Location?.OriginalString);
        Assert.Equal("/directory/edit/services/unveraendert-angebot?saved=unchanged", service.Headers.Location?.OriginalString);
        var after = (await ServiceAsync("unveraendert-angebot"))!;
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Details.Locations[0].Hours[0].Id, after.Details.Locations[0].Hours[0].Id);
    }

    [Fact]
    public async Task Invalid_input_is_shown_at_its_fields_with_everything_typed_kept_and_nothing_stored()
    {
        var coordinator = await CoordinatorAsync();
        await EditForms.CreateOrganizationAsync(coordinator, "fehler-org", "Beratung mit Fehlern");
        await EditForms.CreateServiceAsync(coordinator, "fehler-org", "fehler-angebot", "Angebot mit Fehlern");
        var before = (await ServiceAsync("fehler-angebot"))!;

        using var answer = await EditForms.PostAsync(coordinator, "/directory/edit/services/fehler-angebot",
            ("Name", "Neuer Name, der nicht gespeichert wird"), ("Email", "keine-adresse"), ("MinimumAge", "dreißig"),
            ("Topics", ""), ("Locations[0].Hours[0].Opens", "14:00"), ("Locations[0].Hours[0].Closes", "10:00"),
            ("StaffContacts[0].Phone", ""));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync(Ct);
        var summary = Forms.TextOf(html, "form-errors");
        Assert.Contains("Keine gültige E-Mail-Adresse", Forms.TextOf(html, "email-error"), StringComparison.Ordinal);
        Assert.Contains("ganzen Jahren", Forms.TextOf(html, "minimumAge-error"), StringComparison.Ordinal);
        Assert.Contains("mindestens ein Thema", Forms.TextOf(html, "topics-error"), StringComparison.Ordinal);
        Assert.Contains("Schlusszeit", Forms.TextOf(html, "locations-0-hours-0-closes-error"), StringComparison.Ordinal);
        Assert.Contains("Durchwahl oder eine E-Mail-Adresse", Forms.TextOf(html, "staffContacts-0-phone-error"), StringComparison.Ordinal);
        Assert.Contains("Standort 1 › Öffnungszeit 1 › bis", summary, StringComparison.Ordinal);
        Assert.Contains("href=\"#locations-0-hours-0-closes\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"email\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"email-error\"", html);
        Assert.Equal("Neuer Name, der nicht gespeichert wird", Forms.ValueById(html, "name"));
        Assert.Equal("dreißig", Forms.ValueById(html, "minimumAge"));
        Assert.Equal("14:00", Forms.ValueById(html, "locations-0-hours-0-opens"));
        var after = (await ServiceAsync("fehler-angebot"))!;
        Assert.Equal(before.Version, after.Version);
        Assert.Equal("Angebot mit Fehlern", after.Details.Name);
    }

    [Fact]
    public async Task A_new_organization_without_name_or_valid_postal_code_is_refused_and_not_created()
    {
        var coordinator = await CoordinatorAsync();

        using var answer = await EditForms.PostAsync(coordinator, "/directory/edit/organizations/new",
            ("Id", "ohne-namen"), ("Name", " "), ("Description", "Etwas"),
            ("Locations[0].Name", "Stelle"), ("Locations[0].Street", "Weg 1"), ("Locations[0].PostalCode", "4453"), ("Locations[0].Town", "Dortmund"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Bitte ausfüllen", Forms.TextOf(html, "name-error"), StringComparison.Ordinal);
        Assert.Contains("fünf Ziffern", Forms.TextOf(html, "locations-0-address-postalCode-error"), StringComparison.Ordinal);
        Assert.Contains("Kreises Unna", Forms.TextOf(html, "locations-0-address-town-error"), StringComparison.Ordinal);
        Assert.Equal("4453", Forms.ValueById(html, "locations-0-address-postalCode"));
        Assert.Equal("ohne-namen", Forms.ValueById(html, "id"));
        Assert.Null(await OrganizationAsync("ohne-namen"));
    }

    [Fact]
    public async Task An_id_already_taken_is_refused_at_the_id_field_and_the_existing_entry_is_unchanged()
    {
        var coordinator = await CoordinatorAsync();
        await EditForms.CreateOrganizationAsync(coordinator, "vergeben", "Die erste Organisation");

        using var organization = await EditForms.PostAsync(coordinator, "/directory/edit/organizations/new",
            ("Id", "vergeben"), ("Name", "Die zweite Organisation"), ("Description", "Doppelt"));
        using var service = await EditForms.PostAsync(coordinator, "/directory/edit/services/new?organization=vergeben",
            ("Id", "vergeben"), ("Name", "Ein Angebot"), ("Description", "Gleiche Kennung wie die Organisation ist erlaubt"),
            ("Topics", "housing"), ("Languages", "de"));
        using var again = await EditForms.PostAsync(coordinator, "/directory/edit/services/new?organization=vergeben",
            ("Id", "vergeben"), ("Name", "Noch ein Angebot"), ("Description", "Jetzt doppelt"), ("Topics", "housing"), ("Languages", "de"));

        Assert.Equal(HttpStatusCode.BadRequest, organization.StatusCode);
        Assert.Contains("schon vergeben", Forms.TextOf(await organization.Content.ReadAsStringAsync(Ct), "id-error"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, service.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("schon vergeben", Forms.TextOf(await again.Content.ReadAsStringAsync(Ct), "id-error"), StringComparison.Ordinal);
        Assert.Equal("Die erste Organisation", (await OrganizationAsync("vergeben"))!.Details.Name);
        Assert.Equal("Ein Angebot", (await ServiceAsync("vergeben"))!.Details.Name);
    }

    [Fact]
    public async Task An_empty_id_is_made_from_the_name()
    {
        var coordinator = await CoordinatorAsync();

        using var answer = await EditForms.PostAsync(coordinator, "/directory/edit/organizations/new",
            ("Id", ""), ("Name", "Beratungsstelle Fröndenberg Süd"), ("Description", "Aus dem Namen"));

        Assert.Equal("/directory/edit/organizations/beratungsstelle-froendenberg-sued?saved=created", answer.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_location_a_service_still_names_cannot_be_removed_and_other_edits_keep_the_location_ids()
    {
        var coordinator = await CoordinatorAsync();
        await EditForms.CreateOrganizationAsync(coordinator, "standort", "Beratung mit Standort");
        await EditForms.CreateServiceAsync(coordinator, "standort", "standort-angebot", "Angebot am Standort");
        const string path = "/directory/edit/organizations/standort";
        var before = (await OrganizationAsync("standort"))!;

        using var removed = await EditForms.PostAsync(coordinator, path, ("Locations[0].Remove", "true"));
        using var added = await EditForms.PostAsync(coordinator, path,
            ("Name", "Beratung mit zwei Standorten"), ("Locations[1].Name", "Außenstelle"), ("Locations[1].Street", "Nebenweg 1"),
            ("Locations[1].PostalCode", "59379"), ("Locations[1].Town", "Selm"));

        Assert.Equal(HttpStatusCode.BadRequest, removed.StatusCode);
        var html = await removed.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Angebot am Standort", Forms.TextOf(html, "locations-0-error"), StringComparison.Ordinal);
        Assert.Contains("href=\"#locations-0\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var after = (await OrganizationAsync("standort"))!;
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal("Beratung mit zwei Standorten", after.Details.Name);
        Assert.Equal(before.Details.Locations[0], after.Details.Locations[0]);
        Assert.Equal("Außenstelle", after.Details.Locations[1].Name);
        Assert.Equal(before.Details.Phones[0].Id, after.Details.Phones[0].Id);
    }

    [Fact]
    public async Task Two_coordinators_editing_one_service_at_once_the_second_is_told_it_changed_meanwhile_and_sees_both()
    {
        var coordinator = await CoordinatorAsync();
        await EditForms.CreateOrganizationAsync(coordinator, "gleichzeitig", "Gleichzeitige Beratung");
        await EditForms.CreateServiceAsync(coordinator, "gleichzeitig", "gleichzeitig-angebot", "Gleichzeitiges Angebot");
        using var admin = await host.SignedInAsync("admin", "Demo-Admin-2026");
        const string path = "/directory/edit/services/gleichzeitig-angebot";
        var first = await Forms.PageAsync(coordinator, path);
        var second = await Forms.PageAsync(admin, path);

        using var won = await Forms.PostAsync(coordinator, path, first, EditForms.FieldsOf(first).With(("Name", "Name der Koordination")));
        using var lost = await Forms.PostAsync(admin, path, second, EditForms.FieldsOf(second).With(("FeesDescription", "kostenlos")));

        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        var html = await lost.Content.ReadAsStringAsync(Ct);
        var notice = Forms.TextOf(html, "changed-meanwhile");
        Assert.Contains("Zwischenzeitlich geändert", notice, StringComparison.Ordinal);
        Assert.Contains("Demo-Koordination KIM", notice, StringComparison.Ordinal);
        Assert.Contains("Name der Koordination", notice, StringComparison.Ordinal);
        Assert.Contains("Kosten", notice, StringComparison.Ordinal);
        Assert.Contains("kostenlos", notice, StringComparison.Ordinal);
        // The form now holds the stored state and its version, ready for the change to be entered again.
        Assert.Equal("Name der Koordination", Forms.ValueById(html, "name"));
        var service = (await ServiceAsync("gleichzeitig-angebot"))!;
        Assert.Equal(service.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), Forms.ValueOf(html, "Version"));
        Assert.Equal("Name der Koordination", service.Details.Name);
        Assert.Null(service.Details.FeesDescription);

        using var redone = await Forms.PostAsync(admin, path, html, EditForms.FieldsOf(html).With(("FeesDescription", "kostenlos")));
        Assert.Equal(HttpStatusCode.Redirect, redone.StatusCode);
        service = (await ServiceAsync("gleichzeitig-angebot"))!;
        Assert.Equal(("Name der Koordination", "kostenlos"), (service.Details.Name, service.Details.FeesDescription));
    }

    [Fact]
    public async Task Simultaneous_edits_of_one_organization_save_exactly_one()
    {
        var coordinator = await CoordinatorAsync();
        await EditForms.CreateOrganizationAsync(coordinator, "zugleich", "Zugleich bearbeitet");
        using var admin = await host.SignedInAsync("admin", "Demo-Admin-2026");
        const string path = "/directory/edit/organizations/zugleich";
        var first = await Forms.PageAsync(coordinator, path);
        var second = await Forms.PageAsync(admin, path);

        HttpResponseMessage[] answers = await Task.WhenAll(
            Forms.PostAsync(coordinator, path, first, EditForms.FieldsOf(first).With(("Name", "Von der Koordination"))),
            Forms.PostAsync(admin, path, second, EditForms.FieldsOf(second).With(("Name", "Von der Administration"))));

        var won = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        var organization = (await OrganizationAsync("zugleich"))!;
        Assert.Equal(won == answers[0] ? "Von der Koordination" : "Von der Administration", organization.Details.Name);
        Assert.Equal(2, organization.Version);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task A_retired_service_is_read_only_and_an_edit_posted_anyway_is_refused_and_changes_nothing()
    {
        var coordinator = await CoordinatorAsync();
        await EditForms.CreateOrganizationAsync(coordinator, "einstellen", "Beratung, die endet");
        await EditForms.CreateServiceAsync(coordinator, "einstellen", "einstellen-angebot", "Angebot, das endet");
        const string path = "/directory/edit/services/einstellen-angebot";
        var confirm = await Forms.PageAsync(coordinator, path + "?retire=confirm");
        Assert.Contains("endgültig einstellen", Forms.TextOf(confirm, "retire-confirm"), StringComparison.Ordinal);
        var form = await Forms.PageAsync(coordinator, path);

        using var retired = await Forms.PostAsync(coordinator, path + "?handler=Retire", confirm, ("Version", Forms.ValueOf(confirm, "Version")));
        var stored = (await ServiceAsync("einstellen-angebot"))!;
        using var edit = await Forms.PostAsync(coordinator, path, form, EditForms.FieldsOf(form).With(("Name", "Doch noch geändert"), ("Version", stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        using var again = await Forms.PostAsync(coordinator, path + "?handler=Retire", confirm, ("Version", stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal($"{path}?saved=retired", retired.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Contains("Angebot eingestellt", Forms.TextOf(await edit.Content.ReadAsStringAsync(Ct), "refusal"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var after = (await ServiceAsync("einstellen-angebot"))!;
        Assert.Equal(stored.Version, after.Version);
        Assert.Equal("Angebot, das endet", after.Details.Name);
        Assert.Equal(ServiceStatus.Defunct, after.Details.Status);
        var page = await Forms.PageAsync(coordinator, path);
        Assert.Contains("eingestellt", Forms.TextOf(page, "retired-notice"), StringComparison.Ordinal);
        Assert.Matches("<fieldset class=\"plain\" disabled", page);
        Assert.DoesNotContain("Änderungen speichern", page, StringComparison.Ordinal);
        var list = await Forms.PageAsync(coordinator, "/directory/edit");
        Assert.Contains("eingestellt", Forms.TextOf(list, "service-einstellen-angebot"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organization_with_active_services_cannot_retire_and_can_once_they_are_retired()
    {
        var coordinator = await CoordinatorAsync();
        await EditForms.CreateOrganizationAsync(coordinator, "ausscheiden", "Organisation, die ausscheidet");
        await EditForms.CreateServiceAsync(coordinator, "ausscheiden", "ausscheiden-angebot", "Noch aktives Angebot");
        const string path = "/directory/edit/organizations/ausscheiden";
        var confirm = await Forms.PageAsync(coordinator, path + "?retire=confirm");
        Assert.Contains("Noch aktives Angebot", Forms.TextOf(confirm, "retire-confirm"), StringComparison.Ordinal);

        using var refused = await Forms.PostAsync(coordinator, path + "?handler=Retire", confirm, ("Version", Forms.ValueOf(confirm, "Version")));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var refusal = Forms.TextOf(await refused.Content.ReadAsStringAsync(Ct), "refusal");
        Assert.Contains("Noch aktive Angebote", refusal, StringComparison.Ordinal);
        Assert.Contains("Noch aktives Angebot", refusal, StringComparison.Ordinal);
        Assert.False((await OrganizationAsync("ausscheiden"))!.Retired);

        var service = await Forms.PageAsync(coordinator, "/directory/edit/services/ausscheiden-angebot");
        using var serviceRetired = await Forms.PostAsync(coordinator, "/directory/edit/services/ausscheiden-angebot?handler=Retire", service, ("Version", Forms.ValueOf(service, "Version")));
        confirm = await Forms.PageAsync(coordinator, path + "?retire=confirm");
        using var retired = await Forms.PostAsync(coordinator, path + "?handler=Retire", confirm, ("Version", Forms.ValueOf(confirm, "Version")));

        Assert.Equal($"{path}?saved=retired", retired.Headers.Location?.OriginalString);
        Assert.True((await OrganizationAsync("ausscheiden"))!.Retired);
        using var newService = await EditForms.PostAsync(coordinator, "/directory/edit/services/new?organization=ausscheiden",
            ("Id", "zu-spaet"), ("Name", "Zu spät"), ("Description", "x"), ("Topics", "housing"), ("Languages", "de"));
        Assert.Equal(HttpStatusCode.Conflict, newService.StatusCode);
        Assert.Null(await ServiceAsync("zu-spaet"));
    }

    [Fact]
    public async Task The_history_shows_who_changed_what_and_when_in_Berlin_time()
    {
        var coordinator = await CoordinatorAsync();
        await EditForms.CreateOrganizationAsync(coordinator, "verlauf", "Beratung mit Verlauf");
        await EditForms.CreateServiceAsync(coordinator, "verlauf", "verlauf-angebot", "Angebot mit Verlauf");
        host.Clock.Advance(Duration.FromHours(2));
        using var admin = await host.SignedInAsync("admin", "Demo-Admin-2026");

        using var changed = await EditForms.PostAsync(admin, "/directory/edit/services/verlauf-angebot",
            ("Locations[0].Hours[0].Closes", "13:30"), ("StaffContacts[0].Reachable", "Di 10–12 Uhr"));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var history = await Forms.PageAsync(coordinator, "/directory/edit/services/verlauf-angebot/history");
        var service = (await ServiceAsync("verlauf-angebot"))!;
        var latest = Forms.TextOf(history, $"change-{service.Version}");
        Assert.Contains("geändert", latest, StringComparison.Ordinal);
        Assert.Contains("Demo-Administration", latest, StringComparison.Ordinal);
        Assert.Contains(AtBerlin(host.Clock.GetCurrentInstant()), latest, StringComparison.Ordinal);
        Assert.Contains("Standort 1 › Öffnungszeit 1 › bis", latest, StringComparison.Ordinal);
        Assert.Contains("12:00:00 13:30:00", latest, StringComparison.Ordinal);
        Assert.Contains("Ansprechperson (nur Fachkräfte) 1 › Erreichbar", latest, StringComparison.Ordinal);
        var first = Forms.TextOf(history, "change-1");
        Assert.Contains("angelegt", first, StringComparison.Ordinal);
        Assert.Contains("Demo-Koordination KIM", first, StringComparison.Ordinal);
        Assert.Contains("Angebot mit Verlauf", first, StringComparison.Ordinal);
        var organizationHistory = await Forms.PageAsync(coordinator, "/directory/edit/organizations/verlauf/history");
        Assert.Contains("Beratung mit Verlauf", Forms.TextOf(organizationHistory, "change-1"), StringComparison.Ordinal);
    }

    private static string AtBerlin(Instant instant) =>
        instant.InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Markup_in_names_is_shown_as_text_in_the_list_the_form_and_the_history()
    {
        const string script = "<script>alert('x')</script><b>fett</b>";
        var coordinator = await CoordinatorAsync();
        await EditForms.CreateOrganizationAsync(coordinator, "markup", "Beratung " + script);
        await EditForms.CreateServiceAsync(coordinator, "markup", "markup-angebot", "Angebot " + script);
        using var changed = await EditForms.PostAsync(coordinator, "/directory/edit/services/markup-angebot", ("Description", "Neu: " + script));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        foreach (var path in new[] { "/directory/edit", "/directory/edit/organizations/markup", "/directory/edit/services/markup-angebot",
                     "/directory/edit/services/markup-angebot/history", "/directory/edit/organizations/markup/history" })
        {
            var html = await Forms.PageAsync(coordinator, path);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>fett", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        }

        Assert.Equal("Angebot " + script, (await ServiceAsync("markup-angebot"))!.Details.Name);
    }
}
