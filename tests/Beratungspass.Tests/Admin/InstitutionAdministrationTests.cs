using System.Net;
using Beratungspass.Administration;
using Beratungspass.Institutions;
using Marten;

namespace Beratungspass.Tests.Admin;

/// <summary>Institutions and their services through the administration pages.</summary>
public sealed class InstitutionAdministrationTests(InstitutionAdministrationTests.Host host) : IClassFixture<InstitutionAdministrationTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpClient> AdminAsync() => host.SignedInAsync("admin", "Demo-Admin-2026");

    private async Task<Institution> LoadAsync(string id)
    {
        await using var session = host.Store.QuerySession();
        return (await session.LoadAsync<Institution>(id, Ct))!;
    }

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient admin, string id, string name = "Flüchtlingsberatung Diakonie Schwerte", string town = "Schwerte")
    {
        var form = await Forms.PageAsync(admin, "/admin/institutions/new");
        return await Forms.PostAsync(admin, "/admin/institutions/new", form, ("Id", id), ("Name", name), ("Town", town));
    }

    private static async Task<HttpResponseMessage> AddServiceAsync(HttpClient admin, string institution, string serviceId, string name, bool sensitive = false)
    {
        var form = await Forms.PageAsync(admin, $"/admin/institutions/{institution}");
        return await Forms.PostAsync(admin, $"/admin/institutions/{institution}?handler=AddService", form,
            [("Version", Forms.ValueOf(form, "Version")), ("NewServiceId", serviceId), ("NewServiceName", name), .. sensitive ? new[] { ("NewServiceSensitive", "true") } : []]);
    }

    [Fact]
    public async Task An_institution_is_created_with_services_that_counsellors_of_it_can_record_for()
    {
        using var admin = await AdminAsync();

        using var created = await CreateAsync(admin, "fb-diakonie-schwerte");
        using var first = await AddServiceAsync(admin, "fb-diakonie-schwerte", "fb-diakonie-schwerte-asyl", "Asylverfahrensberatung");
        using var second = await AddServiceAsync(admin, "fb-diakonie-schwerte", "fb-diakonie-schwerte-gewalt", "Gewaltschutzberatung", sensitive: true);

        Assert.Equal("/admin/institutions/fb-diakonie-schwerte?saved=created", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var institution = await LoadAsync("fb-diakonie-schwerte");
        Assert.Equal(("Flüchtlingsberatung Diakonie Schwerte", "Schwerte"), (institution.Name, institution.Town));
        Assert.Equal(["fb-diakonie-schwerte-asyl", "fb-diakonie-schwerte-gewalt"], institution.Services.Select(s => s.Id));
        Assert.Equal([false, true], institution.Services.Select(s => s.Sensitive));
        Assert.NotNull(institution.ActiveService("fb-diakonie-schwerte-gewalt"));
        var list = await Forms.PageAsync(admin, "/admin/institutions");
        Assert.Contains("Flüchtlingsberatung Diakonie Schwerte", list, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x", "Eine Einrichtung", "Unna", "id", "Kennung besteht aus")]
    [InlineData("ohne-name", " ", "Unna", "name", "Namen")]
    [InlineData("dortmund", "Beratung Dortmund", "Dortmund", "town", "Kreis Unna")]
    [InlineData("kim-nord", "Doppelt", "Lünen", "id", "schon vergeben")]
    public async Task Invalid_institutions_are_refused_with_a_message_at_the_field(string id, string name, string town, string field, string message)
    {
        using var admin = await AdminAsync();

        using var answer = await CreateAsync(admin, id, name, town);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(message, Forms.TextOf(await answer.Content.ReadAsStringAsync(Ct), field + "-error"), StringComparison.Ordinal);
        Assert.Equal("KIM Kreis Unna – Region Nord", (await LoadAsync("kim-nord")).Name);
    }

    [Fact]
    public async Task A_service_id_is_used_only_once_in_the_whole_network()
    {
        using var admin = await AdminAsync();

        using var answer = await AddServiceAsync(admin, "psz-unna", "mbe-awo-unna", "Zweite MBE");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("schon ein Dienst", Forms.TextOf(await answer.Content.ReadAsStringAsync(Ct), "new-service-id-error"), StringComparison.Ordinal);
        Assert.Single((await LoadAsync("psz-unna")).Services);
    }

    [Fact]
    public async Task Renaming_marking_sensitive_and_retiring_a_service_are_saved_and_recorded()
    {
        using var admin = await AdminAsync();
        using var created = await CreateAsync(admin, "dienst-aendern", "Integrationsagentur Kamen", "Kamen");
        using var added = await AddServiceAsync(admin, "dienst-aendern", "ia-kamen", "Integrationsagentur");
        var form = await Forms.PageAsync(admin, "/admin/institutions/dienst-aendern");

        using var edited = await Forms.PostAsync(admin, "/admin/institutions/dienst-aendern?handler=EditService", form,
            ("Version", Forms.ValueOf(form, "Version")), ("ServiceId", "ia-kamen"), ("ServiceName", "Integrationsagentur Kamen"), ("ServiceSensitive", "true"));
        form = await Forms.PageAsync(admin, "/admin/institutions/dienst-aendern");
        using var retired = await Forms.PostAsync(admin, "/admin/institutions/dienst-aendern?handler=RetireService", form,
            ("Version", Forms.ValueOf(form, "Version")), ("ServiceId", "ia-kamen"), ("ServiceName", "Integrationsagentur Kamen"));

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        var service = Assert.Single((await LoadAsync("dienst-aendern")).Services);
        Assert.Equal(("Integrationsagentur Kamen", true, true), (service.Name, service.Sensitive, service.Retired));
        await using var session = host.Store.QuerySession();
        var changes = (await session.Query<AdminChange>().Where(c => c.SubjectId == "dienst-aendern").ToListAsync(Ct)).OrderBy(c => c.StoredAt).ToList();
        Assert.Equal([AdminAction.InstitutionCreated, AdminAction.ServiceAdded, AdminAction.ServiceEdited, AdminAction.ServiceRetired], changes.Select(c => c.Action));
        Assert.Equal([new FieldChange("service", "ia-kamen", "ia-kamen"), new FieldChange("name", "Integrationsagentur", "Integrationsagentur Kamen"), new FieldChange("sensitive", "false", "true")],
            changes[2].Changes);
    }

    [Fact]
    public async Task Editing_an_institution_on_a_stale_page_changes_nothing()
    {
        using var admin = await AdminAsync();
        using var created = await CreateAsync(admin, "veraltet", "Beratung Selm", "Selm");
        var stale = await Forms.PageAsync(admin, "/admin/institutions/veraltet");
        using var added = await AddServiceAsync(admin, "veraltet", "beratung-selm", "Beratung");

        using var answer = await Forms.PostAsync(admin, "/admin/institutions/veraltet?handler=Details", stale,
            ("Version", Forms.ValueOf(stale, "Version")), ("Name", "Beratung Selm (neu)"), ("Town", "Werne"));

        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Zwischenzeitlich geändert", Forms.TextOf(html, "changed-meanwhile"), StringComparison.Ordinal);
        Assert.Contains("beratung-selm", html, StringComparison.Ordinal);
        var institution = await LoadAsync("veraltet");
        Assert.Equal(("Beratung Selm", "Selm"), (institution.Name, institution.Town));
    }

    [Fact]
    public async Task An_institution_with_enabled_accounts_is_not_retired_one_without_is()
    {
        using var admin = await AdminAsync();
        using var created = await CreateAsync(admin, "stilllegen", "Beratung Bönen", "Bönen");
        await TestAccounts.CreateAsync(host, "letzte.beraterin", institutionId: "stilllegen", disabled: false);
        var form = await Forms.PageAsync(admin, "/admin/institutions/stilllegen");

        using var refused = await Forms.PostAsync(admin, "/admin/institutions/stilllegen?handler=Retire", form, ("Version", Forms.ValueOf(form, "Version")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("1 Konten", Forms.TextOf(await refused.Content.ReadAsStringAsync(Ct), "retire-error"), StringComparison.Ordinal);
        Assert.False((await LoadAsync("stilllegen")).Retired);

        var account = await Forms.PageAsync(admin, "/admin/accounts/letzte.beraterin");
        using var disabled = await Forms.PostAsync(admin, "/admin/accounts/letzte.beraterin?handler=Disable", account, ("Version", Forms.ValueOf(account, "Version")));
        form = await Forms.PageAsync(admin, "/admin/institutions/stilllegen");
        using var retired = await Forms.PostAsync(admin, "/admin/institutions/stilllegen?handler=Retire", form, ("Version", Forms.ValueOf(form, "Version")));

        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.True((await LoadAsync("stilllegen")).Retired);
        var newAccount = await Forms.PageAsync(admin, "/admin/accounts/new");
        Assert.DoesNotContain("value=\"stilllegen\"", newAccount, StringComparison.Ordinal);
    }
}
