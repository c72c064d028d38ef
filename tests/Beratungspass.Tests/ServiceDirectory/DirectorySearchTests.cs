using Beratungspass.ServiceDirectory;
using NodaTime;

namespace Beratungspass.Tests.ServiceDirectory;

/// <summary>Representative searches in the sample directory of Kreis Unna, as counsellors and clients ask them.</summary>
public sealed class DirectorySearchTests
{
    /// <summary>Monday, 2 March 2026, 10:00 in Unna (CET).</summary>
    private static readonly Instant MondayMorning = Instant.FromUtc(2026, 3, 2, 9, 0);

    /// <summary>Sunday, 1 March 2026, 10:00 in Unna.</summary>
    private static readonly Instant SundayMorning = Instant.FromUtc(2026, 3, 1, 9, 0);

    private static readonly DirectorySnapshot Sample = SampleDirectory.Snapshot();

    private static List<string> Search(DirectoryQuery query, Instant? now = null) =>
        [.. Sample.Search(query, now ?? MondayMorning).Select(s => s.ServiceId)];

    [Fact]
    public void Einbuergerung_finds_the_naturalisation_counselling_of_both_foreigners_offices_first()
    {
        var found = Search(new DirectoryQuery(Text: "Einbürgerung"));

        Assert.Equal(["abh-naturalisation", "luenen-naturalisation"], found.Take(2).Order(StringComparer.Ordinal));
        Assert.All(Sample.Services.Where(s => s.Details.Topics.Contains("naturalisation")), s => Assert.Contains(s.ServiceId, found));
        Assert.Equal(found, Search(new DirectoryQuery(Text: "einburgerung")));
    }

    [Fact]
    public void Lunen_without_umlaut_finds_every_service_offered_in_Luenen_and_those_named_after_it_first()
    {
        var found = Search(new DirectoryQuery(Text: "lunen"));

        var inLuenen = Sample.Services.Where(s => Sample.LocationsOf(s).Any(l => l.Location.Address.Town == "Lünen")).Select(s => s.ServiceId).ToList();
        Assert.True(inLuenen.Count >= 8, $"only {inLuenen.Count} services in Lünen");
        Assert.All(inLuenen, id => Assert.Contains(id, found));
        Assert.Equal(
            ["jc-migration-luenen", "jmd-caritas-luenen", "luenen-naturalisation", "luenen-residence"],
            found.Take(4).Order(StringComparer.Ordinal));
        Assert.Equal(found, Search(new DirectoryQuery(Text: "Lünen")));
        Assert.Equal(found, Search(new DirectoryQuery(Text: "LÜNEN")));
    }

    [Fact]
    public void Words_match_in_any_order_and_all_of_them_must_match()
    {
        Assert.Equal(["diakonie-debt-counselling"], Search(new DirectoryQuery(Text: "Schulden Unna")));
        Assert.Equal(["diakonie-debt-counselling"], Search(new DirectoryQuery(Text: "unna schulden")));
        Assert.Empty(Search(new DirectoryQuery(Text: "Schulden Werne")));
    }

    [Fact]
    public void A_language_course_in_Arabic_is_found_at_course_providers_and_counselling_but_not_where_either_is_missing()
    {
        var found = Search(new DirectoryQuery(Topic: "language-course", Language: "ar"));

        Assert.Superset(
            new HashSet<string> { "vhs-integration-courses", "vhs-literacy-courses", "lippe-integration-courses", "lippe-youth-integration-course", "ki-language-course-counselling", "mbe-awo-unna" },
            found.ToHashSet());
        Assert.DoesNotContain("jmd-caritas-selm", found); // language courses, but not in Arabic
        Assert.DoesNotContain("jc-migration-schwerte", found);
        Assert.DoesNotContain("awo-refugee-counselling-unna", found); // Arabic, but no language courses
        Assert.All(found.Select(id => Sample.Service(id)!), s =>
            Assert.True(s.Details.Topics.Contains("language-course") && s.Details.Languages.Contains("ar"), s.ServiceId));
    }

    [Fact]
    public void A_17_year_old_finds_the_youth_migration_service_but_not_the_adult_migration_counselling()
    {
        var found = Search(new DirectoryQuery(Age: 17));

        Assert.Superset(new HashSet<string> { "jmd-caritas-luenen", "jmd-caritas-werne", "jmd-caritas-selm", "lippe-youth-integration-course", "ki-school-counselling" }, found.ToHashSet());
        Assert.DoesNotContain(found, id => id.StartsWith("mbe-", StringComparison.Ordinal));
        Assert.Contains("kim-nord-case-management", found); // no age limit
    }

    [Theory]
    [InlineData(26, true, false)]
    [InlineData(27, false, true)]
    [InlineData(12, true, false)]
    [InlineData(11, false, false)]
    public void Age_limits_include_both_ends(int age, bool youthMigrationService, bool adultMigrationCounselling)
    {
        var found = Search(new DirectoryQuery(Age: age));

        Assert.Equal(youthMigrationService, found.Contains("jmd-caritas-luenen"));
        Assert.Equal(adultMigrationCounselling, found.Contains("mbe-awo-unna"));
    }

    [Fact]
    public void Town_Werne_finds_the_services_offered_there()
    {
        Assert.Equal(
            ["jmd-caritas-werne", "kim-nord-case-management", "mbe-caritas-werne"],
            Search(new DirectoryQuery(Town: "Werne")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_town_of_the_Kreis_has_services()
    {
        Assert.All(Beratungspass.Institutions.Institution.Towns, town => Assert.NotEmpty(Search(new DirectoryQuery(Town: town))));
    }

    [Fact]
    public void Open_now_on_a_Monday_morning_finds_the_services_open_then_and_on_a_Sunday_none()
    {
        var monday = Search(new DirectoryQuery(OpenNow: true), MondayMorning);

        Assert.Superset(new HashSet<string> { "mbe-awo-unna", "kim-nord-case-management", "jc-integration-point-unna", "jmd-caritas-luenen" }, monday.ToHashSet());
        Assert.DoesNotContain("jmd-caritas-werne", monday); // Wednesday and Friday only
        Assert.DoesNotContain("drk-language-cafe-kamen", monday); // temporarily closed
        Assert.All(monday, id => Assert.True(DirectorySnapshot.IsOpenAt(Sample.Service(id)!, MondayMorning), id));
        Assert.Empty(Search(new DirectoryQuery(OpenNow: true), SundayMorning));
    }

    [Fact]
    public void Open_now_reads_the_hours_in_Unna_local_time_in_winter_and_summer()
    {
        // The MBE in Unna opens Monday at 9:00: 8:30 UTC is 9:30 in winter (CET) and 10:30 in summer (CEST).
        var winter = Instant.FromUtc(2026, 3, 2, 8, 30);
        var summer = Instant.FromUtc(2026, 7, 6, 8, 30);
        var winterNoon = Instant.FromUtc(2026, 3, 2, 11, 0); // 12:00 in Unna: the morning hours close at 12:00

        Assert.Contains("mbe-awo-unna", Search(new DirectoryQuery(OpenNow: true), winter));
        Assert.Contains("mbe-awo-unna", Search(new DirectoryQuery(OpenNow: true), summer));
        Assert.DoesNotContain("mbe-awo-unna", Search(new DirectoryQuery(OpenNow: true), winterNoon));
        Assert.DoesNotContain("mbe-awo-unna", Search(new DirectoryQuery(OpenNow: true), Instant.FromUtc(2026, 3, 2, 7, 30)));
    }

    [Fact]
    public void A_temporarily_closed_service_is_listed_but_never_open()
    {
        var cafe = Sample.Service("drk-language-cafe-kamen")!;

        Assert.Equal(ServiceStatus.TemporarilyClosed, cafe.Details.Status);
        Assert.Contains("drk-language-cafe-kamen", Search(new DirectoryQuery(Text: "Sprachcafé")));
        Assert.False(DirectorySnapshot.IsOpenAt(cafe, Instant.FromUtc(2026, 3, 3, 15, 0))); // Tuesday 16:00, its usual hours
    }

    [Fact]
    public void Retired_and_inactive_services_and_those_of_a_retired_organization_are_hidden_unless_closed_ones_are_asked_for()
    {
        var snapshot = SampleDirectory.Snapshot((organizations, services) =>
        {
            DirectoryServiceProjection.Apply(new ServiceRetired("kim-nord-housing", "kim-nord", "koordination.kim", MondayMorning), services.Single(s => s.ServiceId == "kim-nord-housing"));
            var jobEntry = services.Single(s => s.ServiceId == "iq-job-entry");
            jobEntry.Details = jobEntry.Details with { Status = ServiceStatus.Inactive };
            var psz = services.Single(s => s.ServiceId == "psz-unna-counselling");
            DirectoryServiceProjection.Apply(new ServiceRetired(psz.ServiceId, "psz-unna", "koordination.kim", MondayMorning), psz);
            DirectoryOrganizationProjection.Apply(new OrganizationRetired("psz-unna", "koordination.kim", MondayMorning), organizations.Single(o => o.OrganizationId == "psz-unna"));
        });
        string[] closed = ["kim-nord-housing", "iq-job-entry", "psz-unna-counselling"];

        var shown = snapshot.Search(new DirectoryQuery(), MondayMorning).Select(s => s.ServiceId).ToList();
        var all = snapshot.Search(new DirectoryQuery(IncludeClosed: true), MondayMorning).Select(s => s.ServiceId).ToList();

        Assert.All(closed, id => Assert.DoesNotContain(id, shown));
        Assert.All(closed, id => Assert.Contains(id, all));
        Assert.Equal(Sample.Services.Count, all.Count);
        Assert.Equal(Sample.Services.Count - closed.Length, shown.Count);
        Assert.Empty(snapshot.Search(new DirectoryQuery(Text: "Wohnraumberatung"), MondayMorning));
    }

    [Fact]
    public void Services_whose_name_matches_come_before_those_that_only_mention_the_words()
    {
        var found = Search(new DirectoryQuery(Text: "Migrationsberatung"));

        Assert.Equal(["mbe-awo-unna", "mbe-caritas-werne", "mbe-diakonie-schwerte", "mbe-drk-kamen"], found.Take(4).Order(StringComparer.Ordinal));
        Assert.Contains("awo-refugee-counselling-unna", found.Skip(4)); // its organization is named after the MBE
        Assert.All(found.Take(4), id => Assert.Contains("Migrationsberatung", Sample.Service(id)!.Details.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Organization_filter_lists_the_services_of_one_organization()
    {
        Assert.Equal(
            ["kim-nord-case-management", "kim-nord-clearing", "kim-nord-housing"],
            Search(new DirectoryQuery(OrganizationId: "kim-nord")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Filters_combine()
    {
        var found = Search(new DirectoryQuery(Text: "Flüchtlingsberatung", Language: "fa", Town: "Bergkamen"));

        Assert.Equal(["diakonie-refugee-counselling-bergkamen"], found);
    }

    [Fact]
    public void A_search_for_nothing_in_particular_lists_every_open_or_temporarily_closed_service_by_name()
    {
        var found = Sample.Search(new DirectoryQuery(), MondayMorning);

        Assert.Equal(Sample.Services.Count, found.Count);
        Assert.Equal(found.Select(s => s.Details.Name).Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("de-DE"), true)), found.Select(s => s.Details.Name));
    }
}
