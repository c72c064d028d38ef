using System.Globalization;
using System.Text.Json;
using Beratungspass.Infrastructure;
using Beratungspass.ServiceDirectory;
using Beratungspass.ServiceDirectory.Hsds;
using NodaTime;

namespace Beratungspass.Web.ServiceDirectory.Exporting;

/// <summary>
/// The whole directory for download, open to everyone: GET /directory/export/hsds.json (HSDS 3.0, every
/// organization fully nested with its services, retired entries included — the file the import reads) and
/// GET /directory/export/services.csv (one row per service for a German spreadsheet). Staff contacts are in neither.
/// </summary>
public static class DirectoryExports
{
    public static void MapDirectoryExports(this WebApplication app)
    {
        var exports = app.MapGroup("/directory/export").AllowAnonymous().ExcludeFromDescription();
        exports.MapGet("/hsds.json", async (DirectoryCatalog catalog, IClock clock, CancellationToken cancellation) =>
        {
            var directory = await catalog.CurrentAsync(cancellation);
            var now = clock.GetCurrentInstant();
            var json = JsonSerializer.SerializeToUtf8Bytes(HsdsExport.Build(directory, now), HsdsJson.Indented);
            return TypedResults.File(json, "application/json; charset=utf-8", $"beratungspass-verzeichnis-hsds-{Date(now)}.json");
        });
        exports.MapGet("/services.csv", async (DirectoryCatalog catalog, IClock clock, CancellationToken cancellation) =>
        {
            var directory = await catalog.CurrentAsync(cancellation);
            var now = clock.GetCurrentInstant();
            return TypedResults.File(ServicesCsv.Write(directory), "text/csv; charset=utf-8", $"beratungspass-angebote-{Date(now)}.csv");
        });
    }

    private static string Date(Instant now) => now.InZone(MartenConfiguration.Zone).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
