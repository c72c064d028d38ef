using Beratungspass.Topics;
using NodaTime;
using NodaTime.Text;

namespace Beratungspass.ServiceDirectory.Hsds;

/// <summary>
/// The directory as HSDS 3.0 objects. Staff contacts are never mapped: they have no place in any of these
/// objects. Parts that HSDS gives an id of their own but the directory does not keep as such (addresses,
/// accessibility, languages, attributes, identifiers) get a name-based UUID from their owner, so every export of
/// the same directory is the same.
/// </summary>
/// <remarks>
/// The network's own ids (slugs) travel with the entries, because pass histories and accounts name them:
/// an organization's slug as an <c>organization_identifier</c> (scheme <see cref="SlugScheme"/>, type
/// <see cref="SlugType"/>), a service's slug as an attribute with <c>link_type</c> <see cref="SlugLinkType"/> and
/// the slug as <c>value</c> (HSDS has no identifiers for services; an attribute with a value is its way to carry
/// an extra fact). A retired organization, which HSDS cannot express, carries an attribute with <c>link_type</c>
/// <see cref="StatusLinkType"/> and <c>value</c> <see cref="RetiredValue"/>. Topics are attributes with
/// <c>link_type</c> <see cref="TopicLinkType"/> that name a term of the network's taxonomy.
/// </remarks>
public static class HsdsMapping
{
    public const string SlugScheme = "beratungspass";
    public const string SlugType = "slug";
    public const string TopicLinkType = "topic";
    public const string SlugLinkType = "beratungspass-slug";
    public const string StatusLinkType = "beratungspass-status";
    public const string RetiredValue = "retired";
    public const string Physical = "physical";
    public const string StateProvince = "Nordrhein-Westfalen";
    public const string Country = "DE";
    public const string Weekly = "WEEKLY";
    public const string WeekStart = "MO";

    public static Guid AddressId(Guid locationId) => HsdsIds.NameBased(locationId, "address/physical");

    public static Guid AccessibilityId(Guid locationId) => HsdsIds.NameBased(locationId, "accessibility");

    public static Guid LanguageId(Guid owner, string code) => HsdsIds.NameBased(owner, "language/" + code);

    public static Guid SlugIdentifierId(Guid organizationId) => HsdsIds.NameBased(organizationId, "organization_identifier/" + SlugScheme);

    public static Guid TopicAttributeId(Guid serviceId, Guid termId) => HsdsIds.Link(serviceId, termId, "attribute");

    public static Guid SlugAttributeId(Guid serviceId) => HsdsIds.NameBased(serviceId, "attribute/" + SlugLinkType);

    public static Guid RetiredAttributeId(Guid organizationId) => HsdsIds.NameBased(organizationId, "attribute/" + StatusLinkType);

    public static HsdsTaxonomy Taxonomy { get; } = new(
        HsdsIds.Taxonomy,
        "Beratungspass-Themen",
        "Die Beratungsthemen des Netzwerks der Migrationsberatung im Kreis Unna: Name deutsch, Beschreibung englisch. " +
        "Counselling topics of the migration counselling network in Kreis Unna: name in German, description in English.",
        "1");

    public static IReadOnlyList<HsdsTaxonomyTerm> Terms { get; } = [.. Topics.Taxonomy.Topics.Select(Term)];

    public static HsdsTaxonomyTerm Term(Topic topic) =>
        new(HsdsIds.TaxonomyTerm(topic.Code), topic.Code, topic.German, topic.English, "de", HsdsIds.Taxonomy);

    /// <summary>The topic a term id stands for, or null for an id outside the network's taxonomy.</summary>
    public static Topic? TopicOf(Guid termId) => Topics.Taxonomy.Topics.FirstOrDefault(t => HsdsIds.TaxonomyTerm(t.Code) == termId);

    /// <summary>An organization with its one-to-one fields only, as lists show it.</summary>
    public static HsdsOrganization OrganizationSummary(DirectoryOrganization organization)
    {
        var d = organization.Details;
        return new HsdsOrganization(organization.HsdsId, d.Name, d.AlternateName, d.Description, d.Email, d.Website);
    }

    /// <summary>An organization with its phones, locations, identifiers and attributes, and the services given.</summary>
    public static HsdsOrganization Organization(DirectoryOrganization organization, IReadOnlyList<HsdsService>? services)
    {
        var id = organization.HsdsId;
        IReadOnlyList<HsdsAttributeLink> attributes = organization.Retired
            ? [new HsdsAttributeLink(RetiredAttributeId(id), id, null, StatusLinkType, "organization", RetiredValue, null)]
            : [];
        return OrganizationSummary(organization) with
        {
            Phones = Phones(organization.Details.Phones, serviceId: null, organizationId: id),
            Locations = [.. organization.Details.Locations.Select(l => Location(l, id))],
            OrganizationIdentifiers = [new HsdsOrganizationIdentifier(SlugIdentifierId(id), id, SlugScheme, SlugType, organization.OrganizationId)],
            Attributes = attributes,
            Services = services,
        };
    }

    public static HsdsLocation Location(DirectoryLocation location, Guid organizationId) => new(
        location.Id,
        Physical,
        organizationId,
        location.Name,
        location.Description,
        location.Transportation,
        location.Latitude,
        location.Longitude,
        [new HsdsAddress(AddressId(location.Id), location.Id, location.Address.Street, location.Address.Town, StateProvince,
            location.Address.PostalCode, Country, Physical)],
        location.Accessibility is null ? [] : [new HsdsAccessibility(AccessibilityId(location.Id), location.Id, location.Accessibility)]);

    /// <summary>A service with its one-to-one fields and its organization's, as the service list shows it.</summary>
    public static HsdsService ServiceSummary(DirectoryService service, DirectoryOrganization? organization, bool nestOrganization = true) =>
        OneToOne(service, organization) with { Organization = nestOrganization && organization is not null ? OrganizationSummary(organization) : null };

    /// <summary>
    /// A service with everything the directory publishes about it. <paramref name="nestOrganization"/> adds its
    /// organization (without services); <paramref name="nestLocations"/> adds each location to its service_at_location.
    /// </summary>
    public static HsdsService Service(DirectoryService service, DirectoryOrganization? organization, bool nestOrganization, bool nestLocations)
    {
        var id = service.HsdsId;
        var d = service.Details;
        var attributes = d.Topics
            .Select(code => Topics.Taxonomy.Find(code))
            .OfType<Topic>()
            .Select(topic =>
            {
                var term = Term(topic);
                return new HsdsAttributeLink(TopicAttributeId(id, term.Id), id, term.Id, TopicLinkType, "service", null, term);
            })
            .Append(new HsdsAttributeLink(SlugAttributeId(id), id, null, SlugLinkType, "service", service.ServiceId, null))
            .ToList();
        var locations = d.Locations.Select(at =>
        {
            var location = organization?.Location(at.LocationId);
            return new HsdsServiceAtLocation(at.Id, id, at.LocationId, [.. at.Hours.Select(h => Schedule(h, id, at))],
                nestLocations && location is not null ? Location(location, organization!.HsdsId) : null);
        }).ToList();
        return OneToOne(service, organization) with
        {
            Phones = Phones(d.Phones, serviceId: id, organizationId: null),
            ServiceAtLocations = locations,
            Languages = [.. d.Languages.Select(code => Language(code, id, serviceId: id, phoneId: null))],
            Organization = nestOrganization && organization is not null ? Organization(organization, services: null) : null,
            Attributes = attributes,
        };
    }

    private static HsdsService OneToOne(DirectoryService service, DirectoryOrganization? organization)
    {
        var d = service.Details;
        return new HsdsService(
            service.HsdsId,
            organization?.HsdsId ?? HsdsIds.Organization(service.OrganizationId),
            d.Name,
            d.AlternateName,
            d.Description,
            d.Website,
            d.Email,
            Status(d.Status),
            d.ApplicationProcess,
            d.FeesDescription,
            d.EligibilityDescription,
            d.MinimumAge,
            d.MaximumAge,
            Timestamp(service.LastModified));
    }

    public static HsdsMinimalService Minimal(DirectoryService service) => new(service.HsdsId, Timestamp(service.LastModified));

    private static List<HsdsPhone> Phones(IReadOnlyList<DirectoryPhone> phones, Guid? serviceId, Guid? organizationId) =>
        [.. phones.Select(p => new HsdsPhone(p.Id, serviceId, organizationId, p.Number, p.Description,
            [.. p.Languages.Select(code => Language(code, p.Id, serviceId: null, phoneId: p.Id))]))];

    private static HsdsLanguage Language(string code, Guid owner, Guid? serviceId, Guid? phoneId) =>
        new(LanguageId(owner, code), serviceId, phoneId, Languages.Find(code)?.German ?? code, code);

    private static HsdsSchedule Schedule(OpeningHours hours, Guid serviceId, ServiceLocation at)
    {
        var days = string.Join(',', hours.Days.Select(Day));
        var description = $"Wöchentlich {days} {Time(hours.Opens)}–{Time(hours.Closes)} Uhr, Ortszeit Kreis Unna (Europe/Berlin). " +
            $"Weekly {days} {Time(hours.Opens)}–{Time(hours.Closes)}, local time in Kreis Unna (Europe/Berlin).";
        return new HsdsSchedule(hours.Id, serviceId, at.LocationId, at.Id, WeekStart, Weekly, days, description, Time(hours.Opens), Time(hours.Closes), hours.Note);
    }

    public static string Status(ServiceStatus status) => status switch
    {
        ServiceStatus.Active => "active",
        ServiceStatus.Inactive => "inactive",
        ServiceStatus.TemporarilyClosed => "temporarily closed",
        ServiceStatus.Defunct => "defunct",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static ServiceStatus? StatusOf(string? text) => text switch
    {
        "active" => ServiceStatus.Active,
        "inactive" => ServiceStatus.Inactive,
        "temporarily closed" => ServiceStatus.TemporarilyClosed,
        "defunct" => ServiceStatus.Defunct,
        _ => null,
    };

    public static string Day(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => "MO",
        IsoDayOfWeek.Tuesday => "TU",
        IsoDayOfWeek.Wednesday => "WE",
        IsoDayOfWeek.Thursday => "TH",
        IsoDayOfWeek.Friday => "FR",
        IsoDayOfWeek.Saturday => "SA",
        IsoDayOfWeek.Sunday => "SU",
        _ => throw new ArgumentOutOfRangeException(nameof(day)),
    };

    public static IsoDayOfWeek? DayOf(string code) => code switch
    {
        "MO" => IsoDayOfWeek.Monday,
        "TU" => IsoDayOfWeek.Tuesday,
        "WE" => IsoDayOfWeek.Wednesday,
        "TH" => IsoDayOfWeek.Thursday,
        "FR" => IsoDayOfWeek.Friday,
        "SA" => IsoDayOfWeek.Saturday,
        "SU" => IsoDayOfWeek.Sunday,
        _ => null,
    };

    private static readonly LocalTimePattern Minutes = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    private static readonly LocalTimePattern Seconds = LocalTimePattern.CreateWithInvariantCulture("HH':'mm':'ss");

    /// <summary>"09:00"; with seconds only where a time has them, so nothing is rounded away.</summary>
    public static string Time(LocalTime time) =>
        time.Second == 0 && time.TickOfSecond == 0 ? Minutes.Format(time) : Seconds.Format(time);

    public static LocalTime? TimeOf(string text) =>
        Minutes.Parse(text) is { Success: true } minutes ? minutes.Value
        : Seconds.Parse(text) is { Success: true } seconds ? seconds.Value
        : null;

    private static readonly InstantPattern Milliseconds = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'");

    /// <summary>UTC with milliseconds, as HSDS asks for <c>last_modified</c>.</summary>
    public static string Timestamp(Instant instant) => Milliseconds.Format(instant);
}
