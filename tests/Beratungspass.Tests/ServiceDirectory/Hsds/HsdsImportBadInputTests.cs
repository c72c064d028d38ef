using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Beratungspass.Web.Infrastructure.Problems;

namespace Beratungspass.Tests.ServiceDirectory.Hsds;

/// <summary>A broken import file gets every error with its JSON path, and the directory stays exactly as it was.</summary>
public sealed class HsdsImportBadInputTests(HsdsImportBadInputTests.Host host) : IClassFixture<HsdsImportBadInputTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres)
    {
        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            await HsdsTestEntries.AddAsync(this);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpClient> CoordinatorAsync() => host.DeskAsync("koordination.kim", "Demo-Koordination-2026");

    /// <summary>The current export, its test organization and that organization's index in the file.</summary>
    private async Task<(JsonNode Root, JsonNode Organization, string Path)> FileAsync(string organization = HsdsTestEntries.Organization)
    {
        var root = JsonNode.Parse(await HsdsTestEntries.ExportAsync(host.Client()))!;
        var organizations = root["organizations"]!.AsArray();
        var index = organizations.ToList().FindIndex(o => o!["organization_identifiers"]![0]!["identifier"]!.GetValue<string>() == organization);
        return (root, organizations[index]!, $"$.organizations[{index}]");
    }

    private static (JsonNode Service, string Path) ServiceOf(JsonNode organization, string path, string slug)
    {
        var services = organization["services"]!.AsArray();
        var index = services.ToList().FindIndex(s => s!["attributes"]!.AsArray().Any(a => a!["link_type"]!.GetValue<string>() == "beratungspass-slug" && a["value"]!.GetValue<string>() == slug));
        return (services[index]!, $"{path}.services[{index}]");
    }

    /// <summary>Imports the file, expects the refusal, and returns the page's text with every error; checks nothing was written.</summary>
    private async Task<string> RefusedAsync(byte[] file, HttpStatusCode status = HttpStatusCode.BadRequest, HttpClient? client = null)
    {
        var coordinator = client ?? await CoordinatorAsync();
        var before = await HsdsTestEntries.StateAsync(host);

        using var answer = await HsdsTestEntries.ImportAsync(coordinator, file);
        var page = await answer.Content.ReadAsStringAsync(Ct);

        Assert.True(answer.StatusCode == status, $"Expected {(int)status}, got {(int)answer.StatusCode}: {page[..Math.Min(2000, page.Length)]}");
        Assert.DoesNotContain("import-summary", page, StringComparison.Ordinal);
        Assert.Equal(before, await HsdsTestEntries.StateAsync(host));
        return WebUtility.HtmlDecode(page);
    }

    private Task<string> RefusedAsync(JsonNode root) => RefusedAsync(Encoding.UTF8.GetBytes(root.ToJsonString()));

    [Fact]
    public async Task A_wrong_type_is_named_with_its_JSON_path_in_German_and_in_English()
    {
        var (root, organization, path) = await FileAsync();
        var (service, servicePath) = ServiceOf(organization, path, HsdsTestEntries.FullService);
        service["minimum_age"] = "zwölf";
        service["maximum_age"] = 12.5;
        organization["locations"]![0]!["latitude"] = "51,5";
        organization["phones"] = new JsonObject();
        using var english = await host.SignedInAsync("koordination.kim", "Demo-Koordination-2026");
        using (await Forms.PostAsync(english, "/ui-language", await Forms.PageAsync(english, "/directory/edit/import"), ("language", "en"), ("returnUrl", "/")))
        {
        }

        var german = await RefusedAsync(root);
        var inEnglish = await RefusedAsync(Encoding.UTF8.GetBytes(root.ToJsonString()), client: english);

        Assert.Contains($"{servicePath}.minimum_age</code>: Erwartet wird eine Zahl.", german, StringComparison.Ordinal);
        Assert.Contains($"{servicePath}.maximum_age</code>: Erwartet wird eine ganze Zahl.", german, StringComparison.Ordinal);
        Assert.Contains($"{path}.locations[0].latitude</code>: Erwartet wird eine Zahl.", german, StringComparison.Ordinal);
        Assert.Contains($"{path}.phones</code>: Erwartet wird eine Liste", german, StringComparison.Ordinal);
        Assert.Contains($"{servicePath}.minimum_age</code>: expected a number", inEnglish, StringComparison.Ordinal);
        Assert.Contains(ProblemCatalog.ImportInvalid.TitleDe, german, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_fields_are_each_named()
    {
        var (root, organization, path) = await FileAsync();
        var (service, servicePath) = ServiceOf(organization, path, HsdsTestEntries.FullService);
        organization.AsObject().Remove("name");
        service.AsObject().Remove("status");
        organization["locations"]![0]!["addresses"]![0]!.AsObject().Remove("city");
        service["phones"]![0]!.AsObject().Remove("number");
        service["service_at_locations"]![0]!["schedules"]![0]!.AsObject().Remove("opens_at");

        var page = await RefusedAsync(root);

        Assert.Contains($"{path}.name</code>: Pflichtfeld fehlt.", page, StringComparison.Ordinal);
        Assert.Contains($"{servicePath}.status</code>: Pflichtfeld fehlt.", page, StringComparison.Ordinal);
        Assert.Contains($"{path}.locations[0].addresses[0].city</code>: Pflichtfeld fehlt.", page, StringComparison.Ordinal);
        Assert.Contains($"{servicePath}.phones[0].number</code>: Pflichtfeld fehlt.", page, StringComparison.Ordinal);
        Assert.Contains($"{servicePath}.service_at_locations[0].schedules[0].opens_at</code>: Pflichtfeld fehlt.", page, StringComparison.Ordinal);
        Assert.Contains(">5 Fehler:<", page.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_and_malformed_ids_are_named()
    {
        var (root, organization, path) = await FileAsync();
        var services = organization["services"]!.AsArray();
        services[1]!["id"] = services[0]!["id"]!.GetValue<string>();
        organization["locations"]![1]!["id"] = "standort-kamen";
        services[0]!["phones"]![0]!["id"] = "{" + Guid.NewGuid() + "}";

        var page = await RefusedAsync(root);

        Assert.Contains($"{path}.services[1].id</code>: Die Kennung {services[0]!["id"]} kommt in der Datei mehrmals vor (zuerst bei {path}.services[0].id).", page, StringComparison.Ordinal);
        Assert.Contains($"{path}.locations[1].id</code>: „standort-kamen“ ist keine UUID", page, StringComparison.Ordinal);
        Assert.Contains($"{path}.services[0].phones[0].id</code>: „{{", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_taxonomy_term_is_named()
    {
        var (root, organization, path) = await FileAsync();
        var (service, servicePath) = ServiceOf(organization, path, HsdsTestEntries.FullService);
        var unknown = Guid.NewGuid();
        service["attributes"]![1]!["taxonomy_term_id"] = unknown.ToString();

        var page = await RefusedAsync(root);

        Assert.Contains($"{servicePath}.attributes[1].taxonomy_term_id</code>: Den Begriff {unknown} gibt es in der Themen-Taxonomie des Netzwerks nicht", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_naming_a_location_of_another_organization_is_refused()
    {
        var (root, organization, path) = await FileAsync();
        var (service, servicePath) = ServiceOf(organization, path, HsdsTestEntries.FullService);
        var other = root["organizations"]!.AsArray().First(o => o!["id"]!.GetValue<string>() != organization["id"]!.GetValue<string>()
            && o["locations"]!.AsArray().Count > 0)!;
        service["service_at_locations"]![0]!["location_id"] = other["locations"]![0]!["id"]!.GetValue<string>();
        service["service_at_locations"]![0]!.AsObject().Remove("schedules");

        var page = await RefusedAsync(root);

        Assert.Contains($"{servicePath}.service_at_locations[0].location_id</code>: Der Standort {other["locations"]![0]!["id"]} gehört zu „{other["name"]}“, nicht zur Organisation dieses Angebots.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retired_service_can_be_neither_changed_nor_reopened()
    {
        var (root, organization, path) = await FileAsync();
        var (service, servicePath) = ServiceOf(organization, path, HsdsTestEntries.RetiredService);
        service["description"] = "Doch wieder da?";
        var (rootReopened, organizationReopened, pathReopened) = await FileAsync();
        var (reopened, reopenedPath) = ServiceOf(organizationReopened, pathReopened, HsdsTestEntries.RetiredService);
        reopened["status"] = "active";

        var changed = await RefusedAsync(root);
        var reopenedPage = await RefusedAsync(rootReopened);

        Assert.Contains($"{servicePath}</code>: Das Angebot ist eingestellt und kann nicht mehr geändert werden", changed, StringComparison.Ordinal);
        Assert.Contains($"{reopenedPath}.status</code>: Das Angebot ist eingestellt und kann nicht wieder geöffnet werden", reopenedPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retired_organization_stays_retired_and_unchanged()
    {
        var (root, organization, path) = await FileAsync(HsdsTestEntries.RetiredOrganization);
        organization["attributes"] = new JsonArray();

        var page = await RefusedAsync(root);

        Assert.Contains($"{path}</code>: Die Organisation ist aus dem Netzwerk ausgeschieden und kann nicht wieder aufgenommen werden", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fields_the_directory_does_not_keep_and_unknown_fields_are_refused_not_dropped()
    {
        var (root, organization, path) = await FileAsync();
        var (service, servicePath) = ServiceOf(organization, path, HsdsTestEntries.FullService);
        service["wait_time"] = "2 Wochen";
        service["colour"] = "rot";
        organization["organization_identifiers"]![0]!["identifier"] = "anderer-name";
        root["extra"] = true;

        var page = await RefusedAsync(root);

        Assert.Contains($"{servicePath}.wait_time</code>: Das Feld „wait_time“ speichert das Verzeichnis nicht", page, StringComparison.Ordinal);
        Assert.Contains($"{servicePath}.colour</code>: Unbekanntes Feld „colour“", page, StringComparison.Ordinal);
        Assert.Contains("$.extra</code>: Unbekanntes Feld „extra“", page, StringComparison.Ordinal);
        Assert.Contains($"{path}.organization_identifiers[0].identifier</code>: Dieser Eintrag hat im Verzeichnis die Kennung „{HsdsTestEntries.Organization}“", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_directory_rules_apply_with_JSON_paths()
    {
        var (root, organization, path) = await FileAsync();
        var (service, servicePath) = ServiceOf(organization, path, HsdsTestEntries.FullService);
        organization["locations"]![0]!["addresses"]![0]!["postal_code"] = "5942";
        organization["locations"]![0]!["addresses"]![0]!["city"] = "Dortmund";
        service["minimum_age"] = 30;
        service["maximum_age"] = 20;
        service["languages"]![0]!["code"] = "xx";
        service["service_at_locations"]![0]!["schedules"]![0]!["byday"] = "MONTAG";

        var page = await RefusedAsync(root);

        Assert.Contains($"{path}.locations[0].addresses[0].postal_code</code>: Die Postleitzahl hat fünf Ziffern.", page, StringComparison.Ordinal);
        Assert.Contains($"{path}.locations[0].addresses[0].city</code>: Bitte eine Stadt oder Gemeinde des Kreises Unna wählen", page, StringComparison.Ordinal);
        Assert.Contains($"{servicePath}.maximum_age</code>: Das Höchstalter liegt unter dem Mindestalter.", page, StringComparison.Ordinal);
        Assert.Contains($"{servicePath}.languages[0].code</code>: Unbekannter Sprachcode „xx“", page, StringComparison.Ordinal);
        Assert.Contains($"{servicePath}.service_at_locations[0].schedules[0].byday</code>: Wochentage als MO,TU,WE,TH,FR,SA,SU", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_JSON_is_named_with_its_line_and_byte()
    {
        var export = await HsdsTestEntries.ExportAsync(host.Client());
        var lines = export.Split('\n');
        var broken = string.Join('\n', lines.Take(5)) + "\n    {\"name\": }\n";

        var page = await RefusedAsync(Encoding.UTF8.GetBytes(broken));
        var duplicate = await RefusedAsync("""{"organizations": [], "organizations": []}"""u8.ToArray());

        Assert.Contains("<code>$</code>: Kein gültiges JSON in Zeile 6, Byte 14:", page, StringComparison.Ordinal);
        Assert.Contains("<code>$</code>: Kein gültiges JSON in Zeile 1", duplicate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_UTF8_is_named_with_its_line_and_byte()
    {
        var export = Encoding.UTF8.GetBytes(await HsdsTestEntries.ExportAsync(host.Client()));
        var name = Encoding.UTF8.GetBytes("\"name\": \"");
        var at = export.AsSpan().IndexOf(name) + name.Length;
        export[at] = 0xFF;
        var line = export.AsSpan(0, at).Count((byte)'\n') + 1;

        var page = await RefusedAsync(export);

        Assert.Contains($"<code>$</code>: Die Datei ist kein gültiges UTF-8: ungültiges Byte in Zeile {line}, Byte {at - export.AsSpan(0, at).LastIndexOf((byte)'\n')}.", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n ")]
    [InlineData("\uFEFF")]
    public async Task An_empty_file_is_refused_clearly(string content)
    {
        var page = await RefusedAsync(Encoding.UTF8.GetBytes(content));

        Assert.Matches("Keine Datei gewählt, oder die Datei ist leer\\.|Die Datei ist leer\\.", page);
    }

    [Fact]
    public async Task A_file_that_is_no_HSDS_export_is_refused()
    {
        var array = await RefusedAsync("[1, 2, 3]"u8.ToArray());
        var noOrganizations = await RefusedAsync("""{"hsds_version": "2.0"}"""u8.ToArray());

        Assert.Contains("<code>$</code>: Erwartet wird ein Objekt", array, StringComparison.Ordinal);
        Assert.Contains("<code>$.organizations</code>: Pflichtfeld fehlt.", noOrganizations, StringComparison.Ordinal);
        Assert.Contains("<code>$.hsds_version</code>: Gelesen wird HSDS 3.0", noOrganizations, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_50_MB_upload_is_refused_with_413_and_a_clear_message(bool announcedLength)
    {
        var coordinator = await CoordinatorAsync();
        var page = await Forms.PageAsync(coordinator, "/directory/edit/import");
        var before = await HsdsTestEntries.StateAsync(host);
        var huge = new byte[50 * 1024 * 1024];
        Array.Fill(huge, (byte)' ');
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Forms.TokenOf(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(huge), "file", "riesig.json" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/directory/edit/import") { Content = form };
        if (!announcedLength)
        {
            await form.LoadIntoBufferAsync(Ct);
            request.Content = new StreamContent(await form.ReadAsStreamAsync(Ct)) { Headers = { ContentType = form.Headers.ContentType } };
            request.Headers.TransferEncodingChunked = true;
        }

        using var answer = await coordinator.SendAsync(request, Ct);
        var text = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Contains(ProblemCatalog.ImportTooLarge.TitleDe, text, StringComparison.Ordinal);
        Assert.Contains("höchstens 10 MB", text, StringComparison.Ordinal);
        Assert.Equal(before, await HsdsTestEntries.StateAsync(host));
    }

    [Fact]
    public async Task Markup_in_a_refused_value_is_shown_as_text()
    {
        var (root, organization, path) = await FileAsync();
        organization["id"] = "<script>alert('x')</script>";

        var coordinator = await CoordinatorAsync();
        using var answer = await HsdsTestEntries.ImportAsync(coordinator, Encoding.UTF8.GetBytes(root.ToJsonString()));
        var raw = await answer.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.DoesNotContain("<script>alert", raw, StringComparison.Ordinal);
        Assert.Contains($"{path}.id</code>: „<script>alert('x')</script>“ ist keine UUID", WebUtility.HtmlDecode(raw), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_coordinators_and_administrators_may_import()
    {
        using var counsellor = await host.SignedInAsync();
        using var anonymous = host.Client();
        var before = await HsdsTestEntries.StateAsync(host);

        using var refused = await counsellor.GetAsync("/directory/edit/import", Ct);
        using var posted = await counsellor.PostAsync("/directory/edit/import", new MultipartFormDataContent { { new StringContent("{}"), "file", "x.json" } }, Ct);
        using var redirected = await anonymous.GetAsync("/directory/edit/import", Ct);
        using var admin = await host.SignedInAsync("admin", "Demo-Admin-2026");
        using var allowed = await admin.GetAsync("/directory/edit/import", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(before, await HsdsTestEntries.StateAsync(host));
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        var coordinator = await CoordinatorAsync();
        var before = await HsdsTestEntries.StateAsync(host);
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(await HsdsTestEntries.ExportAsync(host.Client())));

        using var answer = await coordinator.PostAsync("/directory/edit/import", new MultipartFormDataContent { { file, "file", "x.json" } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(ProblemCatalog.FormInvalid.TitleDe, WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(before, await HsdsTestEntries.StateAsync(host));
    }
}
