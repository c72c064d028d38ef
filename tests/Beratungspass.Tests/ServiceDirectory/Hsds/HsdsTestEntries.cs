using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Beratungspass.ServiceDirectory;
using Beratungspass.Web.ServiceDirectory.Editing;
using Marten;
using NodaTime;

namespace Beratungspass.Tests.ServiceDirectory.Hsds;

/// <summary>
/// Entries the HSDS tests add to a host's directory beside the sample one, so they do not depend on what the
/// sample holds: an organization with two locations and services that use every field, with staff contacts,
/// text that needs quoting or looks like a formula, a retired service, and a retired organization.
/// </summary>
public static class HsdsTestEntries
{
    public const string Organization = "hsds-testorganisation";
    public const string FullService = "hsds-test-beratung";
    public const string AwkwardService = "hsds-test-sonderzeichen";
    public const string RetiredService = "hsds-test-eingestellt";
    public const string RetiredOrganization = "hsds-test-ausgeschieden";
    public const string ServiceOfRetiredOrganization = "hsds-test-ausgeschieden-beratung";

    /// <summary>Text with a separator, quotes, a line break, markup and a leading formula character.</summary>
    public const string AwkwardDescription = "Termine; bitte \"pünktlich\" kommen.\nZweite Zeile mit <b>Markup</b> & Ampersand.";

    public static readonly StaffContact[] Staff =
    [
        new(new Guid("9a1e2b3c-4d5e-5f60-8a1b-2c3d4e5f6a7b"), "Henrike Geheimhaltung", "Fachdienstleitung", "02303 987654-21", "h.geheimhaltung@intern.example", "Mo–Do 8–9 Uhr"),
        new(new Guid("9a1e2b3c-4d5e-5f60-8a1b-2c3d4e5f6a7c"), "Yusuf O'Vertraulich", null, null, "y.vertraulich@intern.example", null),
    ];

    private static readonly SemaphoreSlim Adding = new(1, 1);

    /// <summary>Adds the entries once per host (again only if missing).</summary>
    public static async Task AddAsync(AppHost host)
    {
        await Adding.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            await using var query = host.Store.QuerySession();
            if (await query.LoadAsync<DirectoryOrganization>(DirectoryStreams.Organization(Organization), TestContext.Current.CancellationToken) is not null)
            {
                return;
            }

            await using var scope = host.Services.CreateAsyncScope();
            await AddAsync(scope.ServiceProvider.GetRequiredService<DirectoryEditing>());
        }
        finally
        {
            Adding.Release();
        }
    }

    private static async Task AddAsync(DirectoryEditing editing)
    {
        var ct = TestContext.Current.CancellationToken;
        var unna = new Guid("1b2c3d4e-5f60-5a1b-8c2d-3e4f5a6b7c8d");
        var kamen = new Guid("1b2c3d4e-5f60-5a1b-8c2d-3e4f5a6b7c8e");
        var organization = new OrganizationDetails(
            "HSDS-Testträger für Beratung", "HSDS-Test", "Ein Träger nur für die Tests des HSDS-Austauschs.", "kontakt@hsds-test.example", "https://hsds-test.example",
            [new DirectoryPhone(new Guid("2b3c4d5e-6f70-5b1c-8d2e-3f4a5b6c7d8e"), "02303 555000", "Zentrale", ["de", "tr"])],
            [
                new DirectoryLocation(unna, "Beratungsstelle Unna", "2. Etage", new PostalAddress("Bahnhofstraße 12", "59423", "Unna"),
                    "Bus R81 bis Markt", "Aufzug vorhanden", 51.5366, 7.6894),
                new DirectoryLocation(kamen, "Außenstelle Kamen", null, new PostalAddress("Markt 3", "59174", "Kamen"), null, null, null, null),
            ]);
        await editing.CreateOrganizationAsync(Organization, organization, "test", ct);
        await editing.CreateServiceAsync(Organization, FullService, new ServiceDetails(
            "HSDS-Testberatung für Aufenthalt und Arbeit", "Testberatung", "Beratung zu Aufenthalt und Arbeit.", ServiceStatus.Active,
            "beratung@hsds-test.example", "https://hsds-test.example/beratung", "Erwachsene ab 18", 18, 99, "Termin telefonisch", "kostenlos",
            ["residence-law", "work"], ["de", "ar", "uk"],
            [new DirectoryPhone(new Guid("3b4c5d6e-7f80-5c1d-8e2f-3a4b5c6d7e8f"), "02303 555010", null, ["de", "ar"])],
            [
                new ServiceLocation(new Guid("4b5c6d7e-8f90-5d1e-8f2a-3b4c5d6e7f80"), unna,
                [
                    new OpeningHours(new Guid("5b6c7d8e-9fa0-5e1f-8a2b-3c4d5e6f7a80"), [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday], new LocalTime(9, 0), new LocalTime(12, 0), "nur mit Termin"),
                    new OpeningHours(new Guid("5b6c7d8e-9fa0-5e1f-8a2b-3c4d5e6f7a81"), [IsoDayOfWeek.Thursday], new LocalTime(14, 0), new LocalTime(16, 30), null),
                ]),
                new ServiceLocation(new Guid("4b5c6d7e-8f90-5d1e-8f2a-3b4c5d6e7f81"), kamen,
                    [new OpeningHours(new Guid("5b6c7d8e-9fa0-5e1f-8a2b-3c4d5e6f7a82"), [IsoDayOfWeek.Friday], new LocalTime(8, 30), new LocalTime(11, 0), null)]),
            ]), Staff, "test", ct);
        await editing.CreateServiceAsync(Organization, AwkwardService, new ServiceDetails(
            "=HYPERLINK(\"https://evil.example\";\"Klick\")", null, AwkwardDescription, ServiceStatus.TemporarilyClosed,
            null, null, "@Zielgruppe: alle", 0, null, "+49 2303 555020 anrufen", "-5 € Eigenanteil",
            ["debts"], ["de"], [new DirectoryPhone(new Guid("3b4c5d6e-7f80-5c1d-8e2f-3a4b5c6d7e90"), "+49 2303 555020", null, [])],
            [new ServiceLocation(new Guid("4b5c6d7e-8f90-5d1e-8f2a-3b4c5d6e7f90"), kamen, [])]), [], "test", ct);
        var retired = await editing.CreateServiceAsync(Organization, RetiredService, new ServiceDetails(
            "HSDS-Test: eingestelltes Angebot", null, "Gibt es nicht mehr.", ServiceStatus.Active, null, null, null, null, null, null, null,
            ["housing"], ["de"], [], []), [Staff[0]], "test", ct);
        await editing.RetireServiceAsync(RetiredService, retired.Version, "test", ct);

        var gone = await editing.CreateOrganizationAsync(RetiredOrganization, organization with
        {
            Name = "HSDS-Test: ausgeschiedener Träger",
            Phones = [],
            Locations = [organization.Locations[1] with { Id = new Guid("1b2c3d4e-5f60-5a1b-8c2d-3e4f5a6b7c9f") }],
        }, "test", ct);
        var goneService = await editing.CreateServiceAsync(RetiredOrganization, ServiceOfRetiredOrganization, new ServiceDetails(
            "HSDS-Test: Angebot des ausgeschiedenen Trägers", null, "Gab es einmal.", ServiceStatus.Active, null, null, null, null, null, null, null,
            ["family"], ["de"], [], []), [], "test", ct);
        await editing.RetireServiceAsync(ServiceOfRetiredOrganization, goneService.Version, "test", ct);
        await editing.RetireOrganizationAsync(RetiredOrganization, gone.Version, "test", ct);
    }

    public static async Task<string> ExportAsync(HttpClient client)
    {
        using var answer = await client.GetAsync("/directory/export/hsds.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Uploads a file through the import page as a browser does (multipart with the page's antiforgery token).</summary>
    public static async Task<HttpResponseMessage> ImportAsync(HttpClient coordinator, byte[] file, string fileName = "verzeichnis.json")
    {
        var page = await Forms.PageAsync(coordinator, "/directory/edit/import");
        var form = new MultipartFormDataContent
        {
            { new StringContent(Forms.TokenOf(page)), "__RequestVerificationToken" },
        };
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(content, "file", fileName);
        return await coordinator.PostAsync("/directory/edit/import", form, TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> ImportAsync(HttpClient coordinator, string json) => ImportAsync(coordinator, Encoding.UTF8.GetBytes(json));

    /// <summary>The numbers of the result table, by row id and column (organizations, services).</summary>
    public static (int Organizations, int Services) Count(string page, string row)
    {
        var cells = System.Text.RegularExpressions.Regex.Match(page, $"<tr id=\"{row}\">.*?<td>(\\d+)</td><td>(\\d+)</td>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(cells.Success, $"The import page has no result row {row}.");
        return (int.Parse(cells.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(cells.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>What shows that nothing was written: events and streams stored, and the directory's revision token.</summary>
    public static async Task<(StoredRows Rows, Guid Revision)> StateAsync(AppHost host)
    {
        await using var query = host.Store.QuerySession();
        var revision = await query.LoadAsync<DirectoryRevision>(DirectoryRevision.TheId, TestContext.Current.CancellationToken);
        return (await StoredRows.CountAsync(host.ConnectionString), revision?.Token ?? Guid.Empty);
    }

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
