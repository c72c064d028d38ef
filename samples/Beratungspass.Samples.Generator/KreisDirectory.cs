using Beratungspass.Institutions;
using Beratungspass.Passes;
using Beratungspass.Topics;
using Beratungspass.Web.Infrastructure.Demo;

namespace Beratungspass.Samples.Generator;

/// <summary>
/// One service of the directory as the generator sees it: how often clients use it compared with the
/// others, which age bands it serves, and which topics come up there and how often.
/// </summary>
public sealed record ServiceProfile(
    string InstitutionId,
    string ServiceId,
    bool Sensitive,
    double Popularity,
    AgeBand Youngest,
    AgeBand Oldest,
    IReadOnlyList<(string Topic, double Weight)> Topics)
{
    /// <summary>A pass without an age band may use any service: the band is optional on the pass.</summary>
    public bool Serves(AgeBand? band) => band is not { } b || (b >= Youngest && b <= Oldest);
}

/// <summary>
/// The institutions and services of the sample directory <c>samples/demo/directory.json</c> — the same file the app's demo
/// loader stores, so generated contacts always name a service the app knows — with a usage profile per
/// service. The profiles are plausible guesses for Kreis Unna, not statistics.
/// </summary>
public sealed class KreisDirectory
{
    private KreisDirectory(IReadOnlyList<DemoDirectory.Organization> sample, IReadOnlyList<Institution> institutions, IReadOnlyList<ServiceProfile> services)
    {
        Sample = sample;
        Institutions = institutions;
        Services = services;
    }

    /// <summary>The sample directory as the app's demo loader reads it.</summary>
    public IReadOnlyList<DemoDirectory.Organization> Sample { get; }

    /// <summary>The organizations as intake sees them (what <see cref="InstitutionProjection"/> makes of the sample).</summary>
    public IReadOnlyList<Institution> Institutions { get; }

    public IReadOnlyList<ServiceProfile> Services { get; }

    public static string DemoFile => DemoDirectory.File;

    public static KreisDirectory Load()
    {
        var sample = DemoDirectory.Load();
        var institutions = sample.Select(o => new Institution
        {
            Id = o.Id,
            Name = o.Details.Name,
            Town = Institution.TownOf(o.Details),
            Services = [.. o.Services.Select(s => new InstitutionService
            {
                Id = s.Id,
                Name = s.Details.Name,
                Sensitive = Beratungspass.ServiceDirectory.DirectoryService.IsSensitive(s.Details.Topics),
                Retired = s.Details.Status == Beratungspass.ServiceDirectory.ServiceStatus.Defunct,
            })],
        }).ToList();
        var services = institutions
            .Where(i => !i.Retired)
            .SelectMany(i => i.Services.Where(s => !s.Retired).Select(s => Profile(i.Id, s)))
            .ToList();
        return services.Count == 0 ? throw new InvalidDataException($"{DemoFile} lists no active service.") : new KreisDirectory(sample, institutions, services);
    }

    private static ServiceProfile Profile(string institutionId, InstitutionService service)
    {
        var (popularity, youngest, oldest, topics) = Known.TryGetValue(service.Id, out var known)
            ? known
            // A service added to the demo file later: used now and then, by anyone, on the general topics.
            : (1.0, AgeBand.Under12, AgeBand.From65, General);
        foreach (var (topic, _) in topics)
        {
            if (!Taxonomy.IsKnown(topic))
            {
                throw new InvalidDataException($"The profile of {service.Id} names the unknown topic {topic}.");
            }
        }

        return new ServiceProfile(institutionId, service.Id, service.Sensitive, popularity, youngest, oldest, topics);
    }

    private static readonly (string, double)[] General =
        [("residence-law", 2), ("social-benefits", 2), ("language-course", 2), ("housing", 1), ("work", 1), ("family", 1)];

    private static readonly (string, double)[] Mbe =
        [("residence-law", 3), ("language-course", 3), ("work", 2), ("social-benefits", 2), ("family", 2), ("housing", 1), ("recognition", 1), ("naturalisation", 0.5)];

    private static readonly (string, double)[] Jmd =
        [("education", 4), ("language-course", 3), ("work", 2), ("residence-law", 1), ("family", 1), ("housing", 0.5)];

    private static readonly (string, double)[] Refugee =
        [("asylum-procedure", 5), ("residence-law", 3), ("housing", 1.5), ("health", 1), ("social-benefits", 1), ("family", 0.5)];

    private static readonly (string, double)[] JobcenterTeam =
        [("social-benefits", 4), ("work", 4), ("language-course", 1.5), ("debts", 0.5), ("housing", 0.5)];

    // Popularity is relative: a pass draws its services in proportion to it. Bands: MBE from 27, JMD 12 to 26.
    private static readonly Dictionary<string, (double, AgeBand, AgeBand, (string, double)[])> Known = new(StringComparer.Ordinal)
    {
        ["kim-nord-case-management"] = (10, AgeBand.Under12, AgeBand.From65, [("residence-law", 3), ("social-benefits", 3), ("housing", 3), ("family", 2), ("health", 2), ("language-course", 2), ("work", 1)]),
        ["kim-nord-clearing"] = (6, AgeBand.Under12, AgeBand.From65, [("asylum-procedure", 3), ("residence-law", 3), ("social-benefits", 2), ("language-course", 2), ("housing", 1)]),
        ["kim-nord-housing"] = (3, AgeBand.From18To26, AgeBand.From65, [("housing", 6), ("social-benefits", 2), ("debts", 1)]),
        ["mbe-awo-unna"] = (9, AgeBand.From27To44, AgeBand.From65, Mbe),
        ["awo-refugee-counselling-unna"] = (6, AgeBand.Under12, AgeBand.From65, Refugee),
        ["awo-antidiscrimination"] = (1, AgeBand.From12To17, AgeBand.From65, [("discrimination", 6), ("work", 1), ("housing", 1)]),
        ["jmd-caritas-luenen"] = (5, AgeBand.From12To17, AgeBand.From18To26, Jmd),
        ["jmd-caritas-werne"] = (3, AgeBand.From12To17, AgeBand.From18To26, Jmd),
        ["jmd-caritas-selm"] = (2, AgeBand.From12To17, AgeBand.From18To26, Jmd),
        ["ki-integration-counselling"] = (4, AgeBand.Under12, AgeBand.From65, [("language-course", 2), ("education", 2), ("residence-law", 1), ("family", 1)]),
        ["ki-school-counselling"] = (3, AgeBand.Under12, AgeBand.From18To26, [("education", 6), ("family", 2), ("language-course", 1)]),
        ["ki-language-course-counselling"] = (4, AgeBand.From18To26, AgeBand.From65, [("language-course", 6), ("work", 1)]),
        ["abh-residence"] = (8, AgeBand.Under12, AgeBand.From65, [("residence-law", 6), ("asylum-procedure", 2), ("family", 1)]),
        ["abh-naturalisation"] = (3, AgeBand.From18To26, AgeBand.From65, [("naturalisation", 6), ("language-course", 1)]),
        ["psz-unna-counselling"] = (1.5, AgeBand.Under12, AgeBand.From65, [("psychosocial", 6), ("health", 2), ("family", 1)]),
        ["jc-integration-point-unna"] = (6, AgeBand.From18To26, AgeBand.From45To64, [("work", 4), ("social-benefits", 4), ("language-course", 2), ("recognition", 1)]),
        ["jc-migration-luenen"] = (5, AgeBand.From18To26, AgeBand.From45To64, JobcenterTeam),
        ["jc-migration-kamen"] = (4, AgeBand.From18To26, AgeBand.From45To64, JobcenterTeam),
        ["mbe-diakonie-schwerte"] = (5, AgeBand.From27To44, AgeBand.From65, Mbe),
        ["diakonie-refugee-counselling-bergkamen"] = (4, AgeBand.Under12, AgeBand.From65, Refugee),
        ["diakonie-debt-counselling"] = (2, AgeBand.From18To26, AgeBand.From65, [("debts", 6), ("social-benefits", 2), ("housing", 1)]),
        ["mbe-drk-kamen"] = (5, AgeBand.From27To44, AgeBand.From65, Mbe),
        ["drk-tracing-service"] = (1.5, AgeBand.Under12, AgeBand.From65, [("family", 6), ("residence-law", 2)]),
        ["drk-refugee-counselling-holzwickede"] = (2.5, AgeBand.Under12, AgeBand.From65, Refugee),
        ["mbe-caritas-werne"] = (4, AgeBand.From27To44, AgeBand.From65, Mbe),
        ["caritas-violence-protection"] = (1, AgeBand.From18To26, AgeBand.From65, [("violence-protection", 6), ("family", 2), ("housing", 1), ("psychosocial", 1)]),
        ["caritas-refugee-counselling-froendenberg"] = (2.5, AgeBand.Under12, AgeBand.From65, Refugee),
        ["iq-recognition-counselling"] = (4, AgeBand.From18To26, AgeBand.From65, [("recognition", 6), ("work", 2), ("language-course", 1)]),
        ["iq-qualification-counselling"] = (2, AgeBand.From18To26, AgeBand.From45To64, [("work", 4), ("recognition", 2), ("education", 2)]),
        ["iq-job-entry"] = (2, AgeBand.From18To26, AgeBand.From27To44, [("work", 4), ("education", 2), ("language-course", 1)]),
        ["kim-mitte-case-management"] = (8, AgeBand.Under12, AgeBand.From65, [("residence-law", 3), ("social-benefits", 3), ("housing", 2), ("family", 2), ("health", 2), ("language-course", 2), ("work", 1)]),
        ["kim-mitte-residence-prospects"] = (2.5, AgeBand.From12To17, AgeBand.From45To64, [("residence-law", 6), ("work", 2), ("language-course", 1.5)]),
        ["kim-sued-case-management"] = (6, AgeBand.Under12, AgeBand.From65, [("residence-law", 3), ("social-benefits", 3), ("housing", 2), ("family", 2), ("language-course", 1), ("work", 1)]),
        ["kim-sued-health-navigation"] = (2, AgeBand.Under12, AgeBand.From65, [("health", 6), ("family", 2), ("social-benefits", 0.5)]),
        ["awo-integration-agency"] = (1.5, AgeBand.Under12, AgeBand.From65, [("family", 3), ("education", 3), ("work", 1), ("language-course", 1)]),
        ["ki-interpreter-pool"] = (2, AgeBand.Under12, AgeBand.From65, [("health", 3), ("education", 3), ("family", 3)]),
        ["luenen-residence"] = (5, AgeBand.Under12, AgeBand.From65, [("residence-law", 6), ("family", 1.5), ("work", 1)]),
        ["luenen-naturalisation"] = (2, AgeBand.From18To26, AgeBand.From65, [("naturalisation", 6), ("language-course", 1)]),
        ["jc-migration-schwerte"] = (3.5, AgeBand.From18To26, AgeBand.From45To64, JobcenterTeam),
        ["drk-language-cafe-kamen"] = (1, AgeBand.Under12, AgeBand.From65, [("language-course", 5), ("education", 2)]),
        ["vhs-integration-courses"] = (5, AgeBand.From18To26, AgeBand.From65, [("language-course", 6), ("work", 1)]),
        ["vhs-literacy-courses"] = (2, AgeBand.From18To26, AgeBand.From65, [("language-course", 6), ("education", 1)]),
        ["vhs-job-language-courses"] = (3, AgeBand.From18To26, AgeBand.From45To64, [("language-course", 5), ("work", 3), ("recognition", 1)]),
        ["lippe-integration-courses"] = (3.5, AgeBand.From18To26, AgeBand.From65, [("language-course", 6), ("family", 1)]),
        ["lippe-youth-integration-course"] = (1.5, AgeBand.From12To17, AgeBand.From18To26, [("language-course", 5), ("education", 3), ("work", 1)]),
    };
}
