using System.Text.Json.Serialization;
using NodaTime;

namespace Beratungspass.ServiceDirectory;

/// <summary>
/// What the directory says about an organization (HSDS 3.0 <c>organization</c>), with its locations. Every
/// nested entry carries the stable UUID it has in HSDS exports, so an import of an export matches it again.
/// </summary>
public sealed record OrganizationDetails(
    string Name,
    string? AlternateName,
    string Description,
    string? Email,
    string? Website,
    IReadOnlyList<DirectoryPhone> Phones,
    IReadOnlyList<DirectoryLocation> Locations);

/// <summary>A place where an organization offers services (HSDS <c>location</c> with its physical <c>address</c>).</summary>
public sealed record DirectoryLocation(
    Guid Id,
    string Name,
    string? Description,
    PostalAddress Address,
    string? Transportation,
    string? Accessibility,
    double? Latitude,
    double? Longitude);

/// <summary>A street address in Kreis Unna; state and country are always North Rhine-Westphalia, Germany.</summary>
public sealed record PostalAddress(string Street, string PostalCode, string Town);

/// <summary>A public phone number (HSDS <c>phone</c>) with the languages spoken on it.</summary>
public sealed record DirectoryPhone(Guid Id, string Number, string? Description, IReadOnlyList<string> Languages);

/// <summary>
/// What the directory says about a service (HSDS 3.0 <c>service</c>): topics from the network's taxonomy,
/// languages as ISO 639-1 codes, where it is offered and when.
/// </summary>
public sealed record ServiceDetails(
    string Name,
    string? AlternateName,
    string Description,
    ServiceStatus Status,
    string? Email,
    string? Website,
    string? EligibilityDescription,
    int? MinimumAge,
    int? MaximumAge,
    string? ApplicationProcess,
    string? FeesDescription,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Languages,
    IReadOnlyList<DirectoryPhone> Phones,
    IReadOnlyList<ServiceLocation> Locations);

/// <summary>HSDS service status. A defunct service is retired: it takes no new contacts or referrals and no more edits.</summary>
public enum ServiceStatus
{
    [JsonStringEnumMemberName("active")] Active,
    [JsonStringEnumMemberName("inactive")] Inactive,
    [JsonStringEnumMemberName("temporarily closed")] TemporarilyClosed,
    [JsonStringEnumMemberName("defunct")] Defunct,
}

/// <summary>One location of the organization where the service is offered (HSDS <c>service_at_location</c>), with its opening hours there.</summary>
public sealed record ServiceLocation(Guid Id, Guid LocationId, IReadOnlyList<OpeningHours> Hours);

/// <summary>
/// A weekly opening slot (HSDS <c>schedule</c> with <c>freq=WEEKLY</c>, <c>byday</c>, <c>opens_at</c>, <c>closes_at</c>),
/// in Europe/Berlin local time.
/// </summary>
public sealed record OpeningHours(Guid Id, IReadOnlyList<IsoDayOfWeek> Days, LocalTime Opens, LocalTime Closes, string? Note)
{
    public bool IsOpenAt(LocalDateTime local) => Days.Contains(local.DayOfWeek) && local.TimeOfDay >= Opens && local.TimeOfDay < Closes;
}

/// <summary>
/// A person at the service whom counsellors call before a referral. Staff only: never on public pages,
/// in the HSDS API or in exports.
/// </summary>
public sealed record StaffContact(Guid Id, string Name, string? Role, string? Phone, string? Email, string? Reachable);
