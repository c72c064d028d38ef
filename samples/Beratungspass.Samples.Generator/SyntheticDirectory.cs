using Beratungspass.Institutions;
using Beratungspass.ServiceDirectory;
using Beratungspass.Topics;
using Beratungspass.Web.Infrastructure.Demo;
using NodaTime;

namespace Beratungspass.Samples.Generator;

/// <summary>
/// A directory far larger than Kreis Unna's — for measuring search and export at the size of a region or a
/// Land (2,000 services and more). Seeded, so every run builds the same one; ids start with <c>syn-</c> and
/// never meet the sample directory's. Carriers, service kinds and hours are drawn from plausible lists.
/// </summary>
public static class SyntheticDirectory
{
    private static readonly string[] Carriers =
        ["AWO", "Diakonie", "Caritas", "DRK", "Der Paritätische", "Stadt", "VHS", "Kirchenkreis", "Verein Miteinander", "Bildungswerk", "Jugendhilfe", "Frauenberatung"];

    private static readonly (string Name, string[] Topics, int? Minimum, int? Maximum)[] Kinds =
    [
        ("Migrationsberatung für Erwachsene", ["residence-law", "language-course", "work", "social-benefits"], 27, null),
        ("Jugendmigrationsdienst", ["education", "language-course", "work"], 12, 26),
        ("Flüchtlingsberatung", ["asylum-procedure", "residence-law", "housing"], null, null),
        ("Sprachkursberatung", ["language-course"], 16, null),
        ("Anerkennungsberatung", ["recognition", "work"], 18, null),
        ("Schuldnerberatung", ["debts", "social-benefits"], 18, null),
        ("Wohnraumberatung", ["housing"], 18, null),
        ("Familienberatung", ["family", "education"], null, null),
        ("Gesundheitslotsen", ["health"], null, null),
        ("Psychosoziale Beratung", ["psychosocial", "health"], null, null),
        ("Beratung bei häuslicher Gewalt", ["violence-protection", "family"], 16, null),
        ("Antidiskriminierungsberatung", ["discrimination"], null, null),
        ("Einbürgerungsberatung", ["naturalisation", "residence-law"], 16, null),
        ("Berufseinstiegsbegleitung", ["work", "education"], 15, 27),
    ];

    private static readonly string[] OtherLanguages = ["en", "ar", "tr", "ru", "uk", "fa", "ku", "ps", "ti", "fr", "pl", "ro", "bg", "sq", "so"];

    private static readonly IsoDayOfWeek[] Weekdays =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    public static IReadOnlyList<DemoDirectory.Organization> Create(int services, int seed)
    {
        var random = new Random(seed);
        var organizations = new List<DemoDirectory.Organization>();
        var made = 0;
        for (var o = 0; made < services; o++)
        {
            var carrier = Carriers[random.Next(Carriers.Length)];
            var town = Institution.Towns[random.Next(Institution.Towns.Count)];
            var id = $"syn-{o:D5}";
            var hsdsId = HsdsIds.Organization(id);
            var locations = Enumerable.Range(0, 1 + random.Next(3)).Select(l =>
            {
                var at = l == 0 ? town : Institution.Towns[random.Next(Institution.Towns.Count)];
                return new DirectoryLocation(HsdsIds.Part(hsdsId, "location", l), $"{carrier} {at} {l + 1}", null,
                    new PostalAddress($"Musterweg {1 + random.Next(120)}", $"59{random.Next(100, 999)}", at),
                    $"Bus {random.Next(1, 99)} bis Haltestelle Mitte", random.NextDouble() < 0.6 ? "Barrierefreier Zugang" : null, null, null);
            }).ToList();
            var details = new OrganizationDetails($"{carrier} {town} ({o})", null, $"{carrier} berät Zugewanderte in {town} und Umgebung.",
                $"info@{id}.example", $"https://{id}.example",
                [new DirectoryPhone(HsdsIds.Part(hsdsId, "phone", 0), $"0221 4710 {random.Next(1000):D3}", "Zentrale", [])], locations);
            var count = Math.Min(services - made, 4 + random.Next(9));
            var offered = Enumerable.Range(0, count).Select(s => Service(random, id, s, carrier, town, locations)).ToList();
            organizations.Add(new DemoDirectory.Organization(id, details, offered));
            made += count;
        }

        return organizations;
    }

    private static DemoDirectory.Service Service(Random random, string organizationId, int index, string carrier, string town, List<DirectoryLocation> locations)
    {
        var (name, topics, minimum, maximum) = Kinds[random.Next(Kinds.Length)];
        var id = $"{organizationId}-{index:D2}";
        var hsdsId = HsdsIds.Service(id);
        var languages = new List<string> { "de" };
        languages.AddRange(OtherLanguages.OrderBy(_ => random.Next()).Take(random.Next(6)));
        var at = locations.OrderBy(_ => random.Next()).Take(1 + random.Next(locations.Count)).Select((location, n) =>
        {
            var atId = HsdsIds.Part(hsdsId, "service_at_location", n);
            var hours = Enumerable.Range(0, 1 + random.Next(3)).Select(h =>
            {
                var opens = new LocalTime(8 + random.Next(6), random.Next(2) * 30);
                return new OpeningHours(HsdsIds.Part(atId, "schedule", h), [.. Weekdays.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).Order()],
                    opens, opens.PlusHours(2 + random.Next(4)), random.NextDouble() < 0.3 ? "nur mit Termin" : null);
            }).ToList();
            return new ServiceLocation(atId, location.Id, hours);
        }).ToList();
        var chosenTopics = topics.Where(t => Taxonomy.IsKnown(t)).Take(1 + random.Next(topics.Length)).ToList();
        var details = new ServiceDetails($"{name} {carrier} {town} {index + 1}", null,
            $"{name} für Menschen mit Einwanderungsgeschichte: Information, Begleitung und Vermittlung. Termine nach Vereinbarung, offene Sprechstunde zu den angegebenen Zeiten.",
            random.NextDouble() < 0.03 ? ServiceStatus.TemporarilyClosed : ServiceStatus.Active, null, null,
            minimum is null && maximum is null ? "Alle Altersgruppen" : $"Ab {minimum ?? 0} Jahren" + (maximum is { } m ? $" bis {m} Jahre" : ""),
            minimum, maximum, "Telefonisch oder in der offenen Sprechstunde", "kostenlos", chosenTopics, languages,
            [new DirectoryPhone(HsdsIds.Part(hsdsId, "phone", 0), $"0221 4710 {random.Next(1000):D3}", null, [.. languages.Take(2)])], at);
        var staff = new List<StaffContact>
        {
            new(HsdsIds.Part(hsdsId, "staff", 0), $"Fachkraft {id}", "Beratung", $"0221 4710 {random.Next(1000):D3}", $"team@{organizationId}.example", "Mo–Fr 8:30–9:30"),
        };
        return new DemoDirectory.Service(id, details, staff);
    }
}
