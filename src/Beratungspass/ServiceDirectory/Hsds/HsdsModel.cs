using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Beratungspass.ServiceDirectory.Hsds;

// The HSDS 3.0 objects as the API and the export write them. Property names are HSDS's snake_case names;
// a null property is left out (HSDS types optional fields as plain strings and numbers, so null would not
// conform). Lists the directory keeps are always written, empty or not; lists it does not keep never are.
// Property order follows the HSDS schema files, so exports compare line by line.

public sealed record HsdsOrganization(
    Guid Id,
    string Name,
    string? AlternateName,
    string Description,
    string? Email,
    string? Website,
    IReadOnlyList<HsdsPhone>? Phones = null,
    IReadOnlyList<HsdsLocation>? Locations = null,
    IReadOnlyList<HsdsOrganizationIdentifier>? OrganizationIdentifiers = null,
    IReadOnlyList<HsdsAttributeLink>? Attributes = null,
    IReadOnlyList<HsdsService>? Services = null);

public sealed record HsdsOrganizationIdentifier(Guid Id, Guid OrganizationId, string IdentifierScheme, string IdentifierType, string Identifier);

public sealed record HsdsLocation(
    Guid Id,
    string LocationType,
    Guid OrganizationId,
    string Name,
    string? Description,
    string? Transportation,
    double? Latitude,
    double? Longitude,
    IReadOnlyList<HsdsAddress> Addresses,
    IReadOnlyList<HsdsAccessibility> Accessibility);

public sealed record HsdsAddress(
    Guid Id,
    Guid LocationId,
    [property: JsonPropertyName("address_1")] string Address1,
    string City,
    string StateProvince,
    string PostalCode,
    string Country,
    string AddressType);

public sealed record HsdsAccessibility(Guid Id, Guid LocationId, string Description);

public sealed record HsdsPhone(Guid Id, Guid? ServiceId, Guid? OrganizationId, string Number, string? Description, IReadOnlyList<HsdsLanguage> Languages);

public sealed record HsdsLanguage(Guid Id, Guid? ServiceId, Guid? PhoneId, string Name, string Code);

public sealed record HsdsService(
    Guid Id,
    Guid OrganizationId,
    string Name,
    string? AlternateName,
    string Description,
    string? Url,
    string? Email,
    string Status,
    string? ApplicationProcess,
    string? FeesDescription,
    string? EligibilityDescription,
    int? MinimumAge,
    int? MaximumAge,
    string LastModified,
    IReadOnlyList<HsdsPhone>? Phones = null,
    IReadOnlyList<HsdsServiceAtLocation>? ServiceAtLocations = null,
    IReadOnlyList<HsdsLanguage>? Languages = null,
    HsdsOrganization? Organization = null,
    IReadOnlyList<HsdsAttributeLink>? Attributes = null);

/// <summary>The answer of <c>/services?minimal=true</c>: just enough to tell what changed.</summary>
public sealed record HsdsMinimalService(Guid Id, string LastModified);

public sealed record HsdsServiceAtLocation(Guid Id, Guid ServiceId, Guid LocationId, IReadOnlyList<HsdsSchedule> Schedules, HsdsLocation? Location = null);

/// <summary>
/// A weekly slot. HSDS's <c>timezone</c> is a fixed UTC offset, which cannot say "Europe/Berlin with summer
/// time", so it is left out: times are local time in Kreis Unna, as the description says.
/// </summary>
public sealed record HsdsSchedule(
    Guid Id,
    Guid ServiceId,
    Guid LocationId,
    Guid ServiceAtLocationId,
    string Wkst,
    string Freq,
    string Byday,
    string Description,
    string OpensAt,
    string ClosesAt,
    string? Notes);

public sealed record HsdsAttributeLink(Guid Id, Guid LinkId, Guid? TaxonomyTermId, string LinkType, string LinkEntity, string? Value, HsdsTaxonomyTerm? TaxonomyTerm);

public sealed record HsdsTaxonomy(Guid Id, string Name, string Description, string Version);

public sealed record HsdsTaxonomyTerm(Guid Id, string Code, string Name, string Description, string Language, Guid TaxonomyId);

/// <summary>The pagination envelope of the HSDS OpenAPI (<c>Page</c>); <c>size</c> is the number of entries on this page.</summary>
public sealed record HsdsPage<T>(int TotalItems, int TotalPages, int PageNumber, int Size, bool FirstPage, bool LastPage, bool Empty, IReadOnlyList<T> Contents);

/// <summary>What <c>/hsds/</c> answers.</summary>
public sealed record HsdsApiInfo(string Version, string Profile, string OpenapiUrl);

/// <summary>
/// The whole directory in one HSDS 3.0 document, as <c>/directory/export/hsds.json</c> writes it and the import
/// reads it: every organization fully nested with its locations and services (retired ones included), then the
/// taxonomy and its terms the services' attributes refer to.
/// </summary>
public sealed record HsdsExportDocument(
    string HsdsVersion,
    string Exported,
    string Publisher,
    IReadOnlyList<HsdsOrganization> Organizations,
    IReadOnlyList<HsdsTaxonomy> Taxonomies,
    IReadOnlyList<HsdsTaxonomyTerm> TaxonomyTerms);

public static class HsdsJson
{
    public const string Version = "3.0";

    /// <summary>Snake-case names, nulls left out, readable UTF-8 (Arabic stays Arabic) with markup characters escaped.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>As <see cref="Options"/>, indented: the export file is meant to be read and compared by people too.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = indented,
    };
}
