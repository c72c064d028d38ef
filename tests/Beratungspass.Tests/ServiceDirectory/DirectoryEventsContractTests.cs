using Beratungspass.ServiceDirectory;
using NodaTime;

namespace Beratungspass.Tests.ServiceDirectory;

/// <summary>
/// The stored JSON of every directory event. The directory's history is kept forever, so a change to this
/// contract must show up as a reviewed diff of the snapshots in <c>__snapshots__</c>.
/// </summary>
public sealed class DirectoryEventsContractTests(DirectoryEventsContractTests.Host host) : IClassFixture<DirectoryEventsContractTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private static readonly Instant At = Instant.FromUtc(2026, 3, 2, 9, 30, 15).Plus(Duration.FromMilliseconds(250));
    private static readonly Guid Location = new("0b9d6a8e-5c1f-5e2a-9b7d-3f4e5a6b7c8d");

    internal static readonly string[] Catalogue =
    [
        nameof(OrganizationCreated), nameof(OrganizationChanged), nameof(OrganizationRetired),
        nameof(ServiceCreated), nameof(ServiceChanged), nameof(ServiceRetired),
    ];

    public static TheoryData<string> EventTypes => new(Catalogue);

    private static readonly OrganizationDetails Organization = new(
        "Arbeiterwohlfahrt Unterbezirk Unna", "AWO Unna", "Beratung und Begleitung für Zugewanderte.", "beratung@awo-unna.example",
        "https://awo-unna.example", [new DirectoryPhone(new Guid("1c2d3e4f-5a6b-5c7d-8e9f-0a1b2c3d4e5f"), "0221 4710 100", "Zentrale", ["de", "tr"])],
        [new DirectoryLocation(Location, "Beratungsstelle Unna", "2. Etage", new PostalAddress("Beispielstraße 1", "59423", "Unna"),
            "Bus R81 bis Markt", "Aufzug vorhanden", 51.5353, 7.6894)]);

    private static readonly ServiceDetails Service = new(
        "Migrationsberatung (MBE) AWO Unna", "MBE", "Beratung für Erwachsene ab 27.", ServiceStatus.Active, "mbe@awo-unna.example",
        "https://awo-unna.example/mbe", "Erwachsene ab 27 Jahren", 27, null, "Termin telefonisch vereinbaren", "kostenlos",
        ["residence-law", "work"], ["de", "ar", "tr"], [new DirectoryPhone(new Guid("2d3e4f5a-6b7c-5d8e-9fa0-1b2c3d4e5f60"), "0221 4710 101", null, [])],
        [new ServiceLocation(new Guid("3e4f5a6b-7c8d-5e9f-a0b1-2c3d4e5f6071"), Location,
            [new OpeningHours(new Guid("4f5a6b7c-8d9e-5fa0-b1c2-3d4e5f607182"), [IsoDayOfWeek.Monday, IsoDayOfWeek.Thursday],
                new LocalTime(9, 0), new LocalTime(12, 30), "ohne Termin")])]);

    private static readonly StaffContact[] Staff =
        [new(new Guid("5a6b7c8d-9eaf-50b1-c2d3-4e5f60718293"), "Erika Beispiel", "Fachdienstleitung", "0221 4710 199", "e.beispiel@awo-unna.example", "Mo–Do 8–9 Uhr")];

    private static object Example(string eventType) => eventType switch
    {
        nameof(OrganizationCreated) => new OrganizationCreated("awo-unna", new Guid("6b7c8d9e-afb0-51c2-93e4-5f60718293a4"), Organization, "koordination.kim", At),
        nameof(OrganizationChanged) => new OrganizationChanged("awo-unna", Organization with { Email = null }, "koordination.kim", At),
        nameof(OrganizationRetired) => new OrganizationRetired("awo-unna", "admin", At),
        nameof(ServiceCreated) => new ServiceCreated("mbe-awo-unna", new Guid("7c8d9eaf-b0c1-52d3-a4f5-60718293a4b5"), "awo-unna", Service, Staff, "koordination.kim", At),
        nameof(ServiceChanged) => new ServiceChanged("mbe-awo-unna", "awo-unna", Service with { Status = ServiceStatus.TemporarilyClosed }, [], "koordination.kim", At),
        nameof(ServiceRetired) => new ServiceRetired("mbe-awo-unna", "awo-unna", "koordination.kim", At),
        _ => throw new ArgumentOutOfRangeException(nameof(eventType)),
    };

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Each_directory_event_keeps_its_stored_name_and_JSON_shape(string eventType)
    {
        EventContract.MatchesSnapshot(host.Store, Example(eventType), eventType);
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Each_directory_event_reads_back_from_its_stored_JSON_unchanged(string eventType)
    {
        EventContract.ReadsBackUnchanged(host.Store, Example(eventType));
    }
}
