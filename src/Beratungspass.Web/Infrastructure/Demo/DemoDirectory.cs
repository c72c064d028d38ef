using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Beratungspass.ServiceDirectory;
using NodaTime;
using NodaTime.Text;

namespace Beratungspass.Web.Infrastructure.Demo;

/// <summary>
/// The sample directory of <c>samples/demo/directory.json</c>: organizations with their locations and
/// services, written for people to read and edit. Locations are named by a short key, opening hours as
/// <c>"MO,TU 09:00-12:00"</c> (optionally <c>" | note"</c>). UUIDs are not written there: each part gets a
/// name-based one (<see cref="HsdsIds"/>), the same on every machine.
/// </summary>
public static class DemoDirectory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string File => Path.Combine(DemoData.Folder, "directory.json");

    public sealed record Organization(string Id, OrganizationDetails Details, IReadOnlyList<Service> Services);

    public sealed record Service(string Id, ServiceDetails Details, IReadOnlyList<StaffContact> StaffContacts);

    public static IReadOnlyList<Organization> Load() => Read(System.IO.File.ReadAllText(File));

    /// <summary>
    /// Appends the organizations and services that are not in the store yet, through the directory's own
    /// decisions (so the sample obeys the same rules as an edit). Entries already there are left as they are.
    /// </summary>
    public static async Task AddMissingAsync(Marten.IDocumentSession session, IReadOnlyList<Organization> organizations, string by, Instant now, CancellationToken cancellation)
    {
        foreach (var organization in organizations)
        {
            var organizationKey = DirectoryStreams.Organization(organization.Id);
            var stored = await session.LoadAsync<DirectoryOrganization>(organizationKey, cancellation);
            if (stored is null)
            {
                var created = DirectoryDecisions.CreateOrganization(false, organization.Id, null, organization.Details, by, now);
                session.Events.StartStream<DirectoryOrganization>(organizationKey, created);
                stored = DirectoryOrganizationProjection.Create(created);
            }

            foreach (var service in organization.Services)
            {
                var serviceKey = DirectoryStreams.Service(service.Id);
                if (await session.Events.FetchStreamStateAsync(serviceKey, cancellation) is null)
                {
                    session.Events.StartStream<DirectoryService>(serviceKey,
                        DirectoryDecisions.CreateService(stored, false, service.Id, null, service.Details, service.StaffContacts, by, now));
                }
            }
        }
    }

    public static IReadOnlyList<Organization> Read(string json)
    {
        var file = JsonSerializer.Deserialize<SampleFile>(json, Json) ?? throw new InvalidDataException($"{File} is empty.");
        return [.. file.Organizations.Select(Convert)];
    }

    private static Organization Convert(SampleOrganization o)
    {
        var hsdsId = HsdsIds.Organization(o.Id);
        var locations = o.Locations.Select((l, i) => new DirectoryLocation(
            HsdsIds.Part(hsdsId, "location", i), l.Name, l.Description, new PostalAddress(l.Street, l.PostalCode, l.Town),
            l.Transportation, l.Accessibility, l.Latitude, l.Longitude)).ToList();
        var keys = o.Locations.Select((l, i) => (l.Key, locations[i].Id)).ToDictionary(k => k.Key, k => k.Id, StringComparer.Ordinal);
        var details = new OrganizationDetails(o.Name, o.AlternateName, o.Description, o.Email, o.Website, Phones(hsdsId, o.Phones), locations);
        return new Organization(o.Id, details, [.. o.Services.Select(s => Convert(s, keys))]);
    }

    private static Service Convert(SampleService s, Dictionary<string, Guid> locations)
    {
        var hsdsId = HsdsIds.Service(s.Id);
        var at = s.Locations.Select((l, i) =>
        {
            var id = HsdsIds.Part(hsdsId, "service_at_location", i);
            var locationId = locations.TryGetValue(l.Location, out var known)
                ? known
                : throw new InvalidDataException($"Service {s.Id} names the location key '{l.Location}', which its organization does not have.");
            return new ServiceLocation(id, locationId, [.. (l.Hours ?? []).Select((h, n) => Hours(HsdsIds.Part(id, "schedule", n), h, s.Id))]);
        }).ToList();
        var details = new ServiceDetails(s.Name, s.AlternateName, s.Description, s.Status ?? ServiceStatus.Active, s.Email, s.Website,
            s.Eligibility, s.MinimumAge, s.MaximumAge, s.ApplicationProcess, s.Fees, s.Topics, s.Languages, Phones(hsdsId, s.Phones), at);
        var staff = (s.Staff ?? []).Select((c, i) => new StaffContact(HsdsIds.Part(hsdsId, "staff", i), c.Name, c.Role, c.Phone, c.Email, c.Reachable)).ToList();
        return new Service(s.Id, details, staff);
    }

    private static List<DirectoryPhone> Phones(Guid owner, IReadOnlyList<SamplePhone>? phones) =>
        [.. (phones ?? []).Select((p, i) => new DirectoryPhone(HsdsIds.Part(owner, "phone", i), p.Number, p.Description, p.Languages ?? []))];

    /// <summary>"MO,TU 09:00-12:00 | nur mit Termin" → Monday and Tuesday, 9 to 12, with the note.</summary>
    public static OpeningHours Hours(Guid id, string text, string serviceId)
    {
        var (slot, note) = text.Split('|', 2) is [var s, var n] ? (s.Trim(), n.Trim()) : (text.Trim(), null);
        var parts = slot.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var times = parts.Length == 2 ? parts[1].Split('-') : [];
        if (times.Length != 2)
        {
            throw new InvalidDataException($"Service {serviceId}: opening hours '{text}' are not of the form 'MO,TU 09:00-12:00'.");
        }

        var days = parts[0].Split(',').Select(d => Day(d, serviceId)).ToList();
        return new OpeningHours(id, days, Time(times[0], serviceId), Time(times[1], serviceId), note);
    }

    public static IsoDayOfWeek Day(string code, string context) => code switch
    {
        "MO" => IsoDayOfWeek.Monday,
        "TU" => IsoDayOfWeek.Tuesday,
        "WE" => IsoDayOfWeek.Wednesday,
        "TH" => IsoDayOfWeek.Thursday,
        "FR" => IsoDayOfWeek.Friday,
        "SA" => IsoDayOfWeek.Saturday,
        "SU" => IsoDayOfWeek.Sunday,
        _ => throw new InvalidDataException($"{context}: '{code}' is not a day (MO, TU, WE, TH, FR, SA, SU)."),
    };

    private static LocalTime Time(string text, string context) =>
        LocalTimePattern.Create("HH:mm", CultureInfo.InvariantCulture).Parse(text) is { Success: true } parsed
            ? parsed.Value
            : throw new InvalidDataException($"{context}: '{text}' is not a time like 09:30.");

    private sealed record SampleFile(IReadOnlyList<SampleOrganization> Organizations);

    private sealed record SampleOrganization(
        string Id, string Name, string? AlternateName, string Description, string? Email, string? Website,
        IReadOnlyList<SamplePhone>? Phones, IReadOnlyList<SampleLocation> Locations, IReadOnlyList<SampleService> Services);

    private sealed record SampleLocation(
        string Key, string Name, string? Description, string Street, string PostalCode, string Town,
        string? Transportation, string? Accessibility, double? Latitude, double? Longitude);

    private sealed record SamplePhone(string Number, string? Description, IReadOnlyList<string>? Languages);

    private sealed record SampleService(
        string Id, string Name, string? AlternateName, string Description, ServiceStatus? Status, string? Email, string? Website,
        string? Eligibility, int? MinimumAge, int? MaximumAge, string? ApplicationProcess, string? Fees,
        IReadOnlyList<string> Topics, IReadOnlyList<string> Languages, IReadOnlyList<SamplePhone>? Phones,
        IReadOnlyList<SampleServiceLocation> Locations, IReadOnlyList<SampleStaff>? Staff);

    private sealed record SampleServiceLocation(string Location, IReadOnlyList<string>? Hours);

    private sealed record SampleStaff(string Name, string? Role, string? Phone, string? Email, string? Reachable);
}
