using System.Globalization;
using System.Net;
using System.Text;
using Beratungspass.Infrastructure;
using Beratungspass.ServiceDirectory;
using Beratungspass.Web.ServiceDirectory.Exporting;

namespace Beratungspass.Tests.ServiceDirectory.Hsds;

/// <summary>The CSV export opens in a German Excel as it is and says what the directory says.</summary>
public sealed class ServicesCsvTests(ServicesCsvTests.Host host) : IClassFixture<ServicesCsvTests.Host>
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

    private async Task<(HttpResponseMessage Answer, byte[] Bytes)> DownloadAsync()
    {
        using var client = host.Client();
        var answer = await client.GetAsync("/directory/export/services.csv", Ct);
        return (answer, await answer.Content.ReadAsByteArrayAsync(Ct));
    }

    private async Task<Dictionary<string, Dictionary<string, string>>> RowsAsync()
    {
        var (answer, bytes) = await DownloadAsync();
        answer.Dispose();
        var rows = CsvReader.Read(Encoding.UTF8.GetString(bytes.AsSpan(3)), ';');
        var headers = rows[0];
        return rows.Skip(1).ToDictionary(r => r[headers.IndexOf("Kennung")], r => headers.Zip(r).ToDictionary(p => p.First, p => p.Second));
    }

    [Fact]
    public async Task The_file_is_UTF8_with_BOM_semicolons_CRLF_and_German_headers()
    {
        var (answer, bytes) = await DownloadAsync();
        using (answer)
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("text/csv", answer.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", answer.Content.Headers.ContentType?.CharSet);
            Assert.Equal("attachment", answer.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Matches(@"^beratungspass-angebote-\d{4}-\d{2}-\d{2}\.csv$", answer.Content.Headers.ContentDisposition?.FileNameStar ?? answer.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        }

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
        var header = text[..text.IndexOf("\r\n", StringComparison.Ordinal)];
        Assert.Equal(string.Join(';', ServicesCsv.Headers), header);
        Assert.Contains("Angebot;Organisation;Status;Themen;Sprachen;Alter von;Alter bis", header, StringComparison.Ordinal);
        Assert.Contains("Zuletzt geändert", header, StringComparison.Ordinal);
        Assert.Contains("HSDS-ID", header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_back_every_row_says_what_the_directory_says()
    {
        var directory = await host.Services.GetRequiredService<DirectoryCatalog>().CurrentAsync(Ct);

        var rows = await RowsAsync();

        Assert.Equal(directory.Services.Select(s => s.ServiceId).Order(), rows.Keys.Order());
        foreach (var service in directory.Services.Where(s => !s.Details.Name.StartsWith('=')))
        {
            var row = rows[service.ServiceId];
            var organization = directory.Organization(service.OrganizationId)!;
            Assert.Equal(service.Details.Name, row["Angebot"]);
            Assert.Equal(organization.Details.Name, row["Organisation"]);
            Assert.Equal(ServicesCsv.Status(service.Details.Status), row["Status"]);
            Assert.Equal(service.HsdsId.ToString(), row["HSDS-ID"]);
            Assert.Equal(service.Details.MinimumAge?.ToString(CultureInfo.InvariantCulture) ?? "", row["Alter von"]);
            Assert.Equal(service.Details.MaximumAge?.ToString(CultureInfo.InvariantCulture) ?? "", row["Alter bis"]);
            Assert.Equal(string.Join(", ", service.Details.Languages.Select(l => Languages.Find(l)!.German)), row["Sprachen"]);
            Assert.Equal(string.Join(", ", service.Details.Topics.Select(t => Beratungspass.Topics.Taxonomy.Find(t)!.German)), row["Themen"]);
            Assert.Equal(service.LastModified.InZone(MartenConfiguration.Zone).Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), row["Zuletzt geändert"]);
            Assert.Equal(string.Join("\n", directory.LocationsOf(service).Select(l => $"{l.Location.Address.Street}, {l.Location.Address.PostalCode} {l.Location.Address.Town}")), row["Adressen"]);
        }
    }

    [Fact]
    public async Task Separators_quotes_and_line_breaks_survive_and_hours_and_coordinates_read_as_in_Germany()
    {
        var rows = await RowsAsync();

        var awkward = rows[HsdsTestEntries.AwkwardService];
        var full = rows[HsdsTestEntries.FullService];

        Assert.Equal(HsdsTestEntries.AwkwardDescription, awkward["Beschreibung"]);
        Assert.Equal("Unna: Mo, Di 09:00–12:00 (nur mit Termin); Do 14:00–16:30\nKamen: Fr 08:30–11:00", full["Sprechzeiten"]);
        Assert.Equal("51,5366\n", full["Breitengrad"]);
        Assert.Equal("7,6894\n", full["Längengrad"]);
        Assert.Equal("Unna, Kamen", full["Orte"]);
        Assert.Equal("02303 555010", full["Telefon"]);
        Assert.Equal("eingestellt", rows[HsdsTestEntries.RetiredService]["Status"]);
    }

    [Fact]
    public async Task Text_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe_and_national_phone_numbers_stay_as_they_are()
    {
        var rows = await RowsAsync();

        var awkward = rows[HsdsTestEntries.AwkwardService];

        Assert.Equal("'=HYPERLINK(\"https://evil.example\";\"Klick\")", awkward["Angebot"]);
        Assert.Equal("'@Zielgruppe: alle", awkward["Zielgruppe"]);
        Assert.Equal("'+49 2303 555020 anrufen", awkward["Zugang"]);
        Assert.Equal("'-5 € Eigenanteil", awkward["Kosten"]);
        Assert.Equal("'+49 2303 555020", awkward["Telefon"]);
        Assert.Equal("0", awkward["Alter von"]);
        Assert.All(rows.Values.SelectMany(r => r.Values), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', cell));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@A1", "'@A1")]
    [InlineData("\tX", "'\tX")]
    [InlineData("\rX", "\"'\rX\"")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("sagt \"ja\"", "\"sagt \"\"ja\"\"\"")]
    [InlineData("a\nb", "\"a\nb\"")]
    [InlineData("0221 4710 001", "0221 4710 001")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_text_cell_is_guarded_and_quoted_as_needed(string? value, string cell) => Assert.Equal(cell, ServicesCsv.Text(value));
}
