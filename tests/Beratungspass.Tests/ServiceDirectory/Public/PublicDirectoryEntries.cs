using Beratungspass.ServiceDirectory;
using Beratungspass.Web.ServiceDirectory.Editing;
using NodaTime;

namespace Beratungspass.Tests.ServiceDirectory.Public;

/// <summary>
/// A small, fully known corner of the directory for the public pages' tests, added through the coordinators'
/// editing beside the sample directory: a language café in Bönen (open Monday and Tuesday mornings, with a
/// staff contact), an evening counselling in Selm (Wednesday evenings), one temporarily closed and one retired service.
/// </summary>
public static class PublicDirectoryEntries
{
    public const string OrganizationId = "test-quittenweg";
    public const string Cafe = "test-sprachcafe-boenen";
    public const string Evening = "test-abendberatung-selm";
    public const string Closed = "test-ruhepause-selm";
    public const string Retired = "test-eingestellt";

    public const string CafeName = "Sprachcafé Quittenweg";
    public const string EveningName = "Abendberatung Quittenweg";
    public const string CafePhone = "02389 555 0101";
    public const string CafeTel = "tel:+4923895550101";
    public const string EveningPhone = "02592 555 0202";
    public const string RetiredPhone = "02592 555 0404";
    public const string StaffName = "Mara Kontaktperson";
    public const string StaffPhone = "02389 555 0199";

    /// <summary>Monday, 2 March 2026, 10:00 in Kreis Unna: the café is open, the evening counselling is not.</summary>
    public static Instant MondayMorning { get; } = Instant.FromUtc(2026, 3, 2, 9, 0);

    private static readonly Guid Boenen = Guid.Parse("5a0f4c2e-1b7d-4d38-9a51-0c7e2d9b1a01");
    private static readonly Guid Selm = Guid.Parse("5a0f4c2e-1b7d-4d38-9a51-0c7e2d9b1a02");

    public static async Task AddAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var editing = scope.ServiceProvider.GetRequiredService<DirectoryEditing>();
        var ct = CancellationToken.None;
        await editing.CreateOrganizationAsync(OrganizationId, new OrganizationDetails(
            "Beratungsverein Quittenweg", null, "Ein erfundener Verein für die Tests.", "info@quittenweg.example", "https://quittenweg.example",
            [new(Guid.NewGuid(), "02389 555 0100", null, ["de"])],
            [
                new(Boenen, "Treffpunkt Bönen", null, new PostalAddress("Bahnhofstraße 1", "59199", "Bönen"),
                    "Bus R11 bis Bönen Bahnhof", "Stufenloser Eingang, Aufzug", null, null),
                new(Selm, "Büro Selm", null, new PostalAddress("Kreisstraße 9", "59379", "Selm"), null, null, null, null),
            ]), "test", ct);

        await editing.CreateServiceAsync(OrganizationId, Cafe, Service(CafeName, "Gespräche auf Deutsch üben, mit Hilfe bei Briefen.",
            ["language-course"], ["de", "ar", "ti"], CafePhone, Boenen, Hours([IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday], 9, 12, "nach der Pause Kaffee")) with
        {
            MinimumAge = 16,
            MaximumAge = 30,
            EligibilityDescription = "Junge Menschen, die Deutsch lernen.",
            ApplicationProcess = "Einfach vorbeikommen.",
            FeesDescription = "Kostenlos.",
            Email = "cafe@quittenweg.example",
        }, [new StaffContact(Guid.NewGuid(), StaffName, "Teamleitung", StaffPhone, "mara@quittenweg.example", "Mo–Do 8–9 Uhr")], "test", ct);

        await editing.CreateServiceAsync(OrganizationId, Evening, Service(EveningName, "Beratung zu Wohnung und Miete am Abend.",
            ["housing"], ["de", "so"], EveningPhone, Selm, Hours([IsoDayOfWeek.Wednesday], 17, 19, null)), [], "test", ct);

        await editing.CreateServiceAsync(OrganizationId, Closed, Service("Ruhepause Quittenweg", "Zurzeit geschlossen.",
            ["housing"], ["de"], "02592 555 0303", Selm, Hours([IsoDayOfWeek.Monday], 8, 18, null)) with { Status = ServiceStatus.TemporarilyClosed }, [], "test", ct);

        var retired = await editing.CreateServiceAsync(OrganizationId, Retired, Service("Eingestellte Beratung Quittenweg", "Gibt es nicht mehr.",
            ["housing"], ["de"], RetiredPhone, Selm, Hours([IsoDayOfWeek.Monday], 8, 18, null)), [], "test", ct);
        await editing.RetireServiceAsync(Retired, retired.Version, "test", ct);
    }

    /// <summary>Changes a sample service's description through the editing, as a coordinator would.</summary>
    public static async Task ChangeAsync(IServiceProvider services, string serviceId, Func<ServiceDetails, ServiceDetails> change)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<Marten.IDocumentStore>();
        await using var query = store.QuerySession();
        var current = await query.LoadAsync<DirectoryService>(DirectoryStreams.Service(serviceId)) ?? throw new InvalidOperationException($"No service {serviceId}.");
        await scope.ServiceProvider.GetRequiredService<DirectoryEditing>()
            .ChangeServiceAsync(serviceId, current.Version, change(current.Details), current.StaffContacts, "test", CancellationToken.None);
    }

    private static OpeningHours Hours(IsoDayOfWeek[] days, int opens, int closes, string? note) =>
        new(Guid.NewGuid(), days, new LocalTime(opens, 0), new LocalTime(closes, 0), note);

    private static ServiceDetails Service(string name, string description, string[] topics, string[] languages, string phone, Guid location, OpeningHours hours) =>
        new(name, null, description, ServiceStatus.Active, null, null, null, null, null, null, null, topics, languages,
            [new DirectoryPhone(Guid.NewGuid(), phone, null, languages)], [new ServiceLocation(Guid.NewGuid(), location, [hours])]);
}
