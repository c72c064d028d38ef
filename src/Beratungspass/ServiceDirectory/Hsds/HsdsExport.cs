using NodaTime;

namespace Beratungspass.ServiceDirectory.Hsds;

/// <summary>The whole directory as one HSDS document (<see cref="HsdsExportDocument"/>), retired entries included.</summary>
public static class HsdsExport
{
    public const string Publisher = "Beratungspass – Verzeichnis der Beratungsangebote im Kreis Unna";

    public static HsdsExportDocument Build(DirectorySnapshot directory, Instant now)
    {
        var organizations = directory.Organizations
            .Select(o => HsdsMapping.Organization(o,
                [.. directory.ServicesOf(o.OrganizationId).Select(s => HsdsMapping.Service(s, o, nestOrganization: false, nestLocations: false))]))
            .ToList();
        return new HsdsExportDocument(HsdsJson.Version, HsdsMapping.Timestamp(now), Publisher, organizations, [HsdsMapping.Taxonomy], HsdsMapping.Terms);
    }
}
