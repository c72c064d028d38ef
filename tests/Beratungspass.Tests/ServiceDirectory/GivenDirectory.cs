using Beratungspass.ServiceDirectory;
using NodaTime;

namespace Beratungspass.Tests.ServiceDirectory;

/// <summary>
/// The "given events" of the directory's decision tests: an organization with two locations and a service at
/// one of them, folded through the projections' <c>Create</c> and <c>Apply</c> methods as Marten folds them.
/// </summary>
public static class GivenDirectory
{
    public const string OrganizationId = "awo-unna";
    public const string ServiceId = "mbe-awo-unna";
    public const string Coordinator = "koordination.kim";

    /// <summary>10:00 in Unna on a Monday in spring.</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 9, 0);

    public static readonly Instant Earlier = Now.Minus(Duration.FromDays(30));

    public static readonly Guid OrganizationHsdsId = HsdsIds.Organization(OrganizationId);
    public static readonly Guid ServiceHsdsId = HsdsIds.Service(ServiceId);
    public static readonly Guid MainLocation = HsdsIds.Part(OrganizationHsdsId, "location", 0);
    public static readonly Guid BranchLocation = HsdsIds.Part(OrganizationHsdsId, "location", 1);

    public static OrganizationDetails Organization() => new(
        "Arbeiterwohlfahrt Unterbezirk Unna", "AWO Unna", "Beratung und Begleitung für Zugewanderte im Kreis Unna.",
        "migration@awo-unna.example", "https://awo-unna.example",
        [new DirectoryPhone(HsdsIds.Part(OrganizationHsdsId, "phone", 0), "0221 4710 200", "Sekretariat", ["de", "tr"])],
        [
            new DirectoryLocation(MainLocation, "AWO-Beratungszentrum Unna", null, new PostalAddress("Lindenplatz 4", "59423", "Unna"),
                "Bus R81 bis Haltestelle Markt", "Ebenerdiger Eingang", 51.536, 7.687),
            new DirectoryLocation(BranchLocation, "AWO-Begegnungsstätte Bergkamen", null, new PostalAddress("Töddinghauser Straße 20", "59192", "Bergkamen"),
                null, null, null, null),
        ]);

    /// <summary>The MBE, open Monday and Thursday 9 to 12 at each of the given locations (the main one if none is given).</summary>
    public static ServiceDetails Service(params Guid[] locations) => new(
        "Migrationsberatung (MBE) AWO Unna", "MBE", "Beratung für Erwachsene ab 27 Jahren zu Aufenthalt, Sprachkurs und Arbeit.",
        ServiceStatus.Active, "mbe@awo-unna.example", "https://awo-unna.example/mbe", "Erwachsene ab 27 Jahren", 27, null,
        "Ohne Termin in die Sprechstunde kommen", "kostenlos", ["residence-law", "language-course"], ["de", "ar", "tr"],
        [new DirectoryPhone(HsdsIds.Part(ServiceHsdsId, "phone", 0), "0221 4710 201", "Terminvereinbarung", ["de"])],
        [.. (locations.Length == 0 ? [MainLocation] : locations).Select((location, i) => new ServiceLocation(
            HsdsIds.Part(ServiceHsdsId, "service_at_location", i), location,
            [new OpeningHours(HsdsIds.Part(HsdsIds.Part(ServiceHsdsId, "service_at_location", i), "schedule", 0),
                [IsoDayOfWeek.Monday, IsoDayOfWeek.Thursday], new LocalTime(9, 0), new LocalTime(12, 0), "offene Sprechstunde")]))]);

    public static StaffContact[] Staff() =>
        [new(HsdsIds.Part(ServiceHsdsId, "staff", 0), "Aylin Şahin", "Migrationsberaterin", "0221 4710 210", "a.sahin@awo-unna.example", "Mo–Do 8:00–9:00")];

    public static OrganizationCreated OrganizationWasCreated(OrganizationDetails? details = null) =>
        new(OrganizationId, OrganizationHsdsId, details ?? Organization(), Coordinator, Earlier);

    public static ServiceCreated ServiceWasCreated(ServiceDetails? details = null, string serviceId = ServiceId) =>
        new(serviceId, HsdsIds.Service(serviceId), OrganizationId, details ?? Service(), Staff(), Coordinator, Earlier);

    public static DirectoryOrganization GivenOrganization(params IOrganizationEvent[] events) =>
        events.Aggregate((DirectoryOrganization?)null, (organization, e) => (organization, e) switch
        {
            (null, OrganizationCreated created) => DirectoryOrganizationProjection.Create(created),
            ({ } o, OrganizationChanged changed) => Applied(o, x => DirectoryOrganizationProjection.Apply(changed, x)),
            ({ } o, OrganizationRetired retired) => Applied(o, x => DirectoryOrganizationProjection.Apply(retired, x)),
            _ => throw new ArgumentException($"{e.GetType().Name} cannot follow {(organization is null ? "an empty stream" : "a created organization")}."),
        }) ?? throw new ArgumentException("No events given.");

    public static DirectoryService GivenService(params IServiceEvent[] events) =>
        events.Aggregate((DirectoryService?)null, (service, e) => (service, e) switch
        {
            (null, ServiceCreated created) => DirectoryServiceProjection.Create(created),
            ({ } s, ServiceChanged changed) => Applied(s, x => DirectoryServiceProjection.Apply(changed, x)),
            ({ } s, ServiceRetired retired) => Applied(s, x => DirectoryServiceProjection.Apply(retired, x)),
            _ => throw new ArgumentException($"{e.GetType().Name} cannot follow {(service is null ? "an empty stream" : "a created service")}."),
        }) ?? throw new ArgumentException("No events given.");

    public static ServiceRetired ServiceWasRetired(string serviceId = ServiceId) => new(serviceId, OrganizationId, Coordinator, Earlier.Plus(Duration.FromDays(1)));

    public static OrganizationRetired OrganizationWasRetired() => new(OrganizationId, Coordinator, Earlier.Plus(Duration.FromDays(2)));

    private static T Applied<T>(T state, Action<T> apply)
    {
        apply(state);
        return state;
    }
}
