using System.Text.RegularExpressions;
using Beratungspass.Institutions;
using Beratungspass.ServiceDirectory;
using Beratungspass.Web.Infrastructure.Demo;
using Marten;

namespace Beratungspass.Tests.ServiceDirectory;

/// <summary>
/// The app stores the sample directory at start, through the directory's own decisions: everything the file
/// says arrives, the institutions that intake uses are projected from it, and it is visibly fictional.
/// </summary>
public sealed partial class SampleDirectoryLoadingTests(SampleDirectoryLoadingTests.Host host) : IClassFixture<SampleDirectoryLoadingTests.Host>
{
    public sealed class Host(TestPostgres postgres) : AppHost(postgres);

    private static readonly IReadOnlyList<DemoDirectory.Organization> Sample = DemoDirectory.Load();

    private static readonly string[] SensitiveServices = ["awo-antidiscrimination", "caritas-violence-protection", "psz-unna-counselling"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_organization_and_service_of_the_sample_file_is_stored_as_written()
    {
        await using var query = host.Store.QuerySession();
        var organizations = (await query.Query<DirectoryOrganization>().ToListAsync(Ct)).ToDictionary(o => o.OrganizationId);
        var services = (await query.Query<DirectoryService>().ToListAsync(Ct)).ToDictionary(s => s.ServiceId);

        Assert.Equal(Sample.Select(o => o.Id).Order(StringComparer.Ordinal), organizations.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Sample.SelectMany(o => o.Services).Select(s => s.Id).Order(StringComparer.Ordinal), services.Keys.Order(StringComparer.Ordinal));
        foreach (var sample in Sample)
        {
            var stored = organizations[sample.Id];
            Assert.Empty(DirectoryChanges.Between(sample.Details, stored.Details));
            Assert.Equal((HsdsIds.Organization(sample.Id), DemoData.DemoAuthor, false), (stored.HsdsId, stored.LastModifiedBy, stored.Retired));
            foreach (var service in sample.Services)
            {
                var storedService = services[service.Id];
                Assert.Equal(sample.Id, storedService.OrganizationId);
                Assert.Equal(HsdsIds.Service(service.Id), storedService.HsdsId);
                Assert.Empty(DirectoryChanges.Between(service.Details, storedService.Details));
                Assert.Empty(DirectoryChanges.Between(service.StaffContacts, storedService.StaffContacts));
            }
        }
    }

    [Fact]
    public async Task Institutions_list_their_services_in_file_order_with_only_the_sensitive_ones_marked()
    {
        await using var query = host.Store.QuerySession();
        var institutions = (await query.Query<Institution>().ToListAsync(Ct)).ToDictionary(i => i.Id);

        Assert.Equal(Sample.Count, institutions.Count);
        foreach (var sample in Sample)
        {
            var institution = institutions[sample.Id];
            Assert.Equal((sample.Details.Name, sample.Details.Locations[0].Address.Town, false), (institution.Name, institution.Town, institution.Retired));
            Assert.Equal(
                sample.Services.Select(s => (s.Id, s.Details.Name, DirectoryService.IsSensitive(s.Details.Topics), false)),
                institution.Services.Select(s => (s.Id, s.Name, s.Sensitive, s.Retired)));
        }

        Assert.Equal(SensitiveServices, institutions.Values.SelectMany(i => i.Services).Where(s => s.Sensitive).Select(s => s.Id).Order(StringComparer.Ordinal));
        // The demo accounts' institutions offer their main service first: the contact form preselects it.
        Assert.Equal("mbe-awo-unna", institutions["mbe-awo-unna"].Services[0].Id);
        Assert.Equal("jmd-caritas-luenen", institutions["jmd-caritas-luenen"].Services[0].Id);
    }

    [Fact]
    public async Task The_sample_covers_the_network_of_the_whole_Kreis()
    {
        var directory = await host.Services.GetRequiredService<DirectoryCatalog>().CurrentAsync(Ct);

        Assert.InRange(directory.Organizations.Count, 11, int.MaxValue);
        Assert.InRange(directory.Services.Count, 25, int.MaxValue);
        Assert.All(["kim-nord", "kim-mitte", "kim-sued", "mbe-awo-unna", "jmd-caritas-luenen", "ki-kreis-unna", "abh-kreis-unna", "psz-unna",
            "jobcenter-kreis-unna", "diakonie-ruhr-hellweg", "drk-kreis-unna", "caritas-kreis-unna", "iq-anerkennung-unna"],
            id => Assert.NotNull(directory.Organization(id)));
        Assert.All(Institution.Towns, town => Assert.Contains(directory.Organizations, o => o.Details.Locations.Any(l => l.Address.Town == town)));
        Assert.All(directory.Services, s => Assert.Equal(s.Details.Locations.Count, directory.LocationsOf(s).Count()));
        Assert.All(directory.Services, s => Assert.InRange(s.StaffContacts.Count, 1, 3));
        Assert.All(directory.Services.Where(s => s.ServiceId.StartsWith("mbe-", StringComparison.Ordinal)), s => Assert.Equal((27, (int?)null), (s.Details.MinimumAge, s.Details.MaximumAge)));
        Assert.All(directory.Services.Where(s => s.ServiceId.StartsWith("jmd-", StringComparison.Ordinal)), s => Assert.Equal((12, 26), (s.Details.MinimumAge, s.Details.MaximumAge)));
        Assert.Equal("drk-language-cafe-kamen", Assert.Single(directory.Services, s => s.Details.Status == ServiceStatus.TemporarilyClosed).ServiceId);
    }

    [Fact]
    public async Task Every_phone_number_is_from_the_range_reserved_for_fiction_and_every_address_on_an_example_domain()
    {
        var directory = await host.Services.GetRequiredService<DirectoryCatalog>().CurrentAsync(Ct);
        var phones = directory.Organizations.SelectMany(o => o.Details.Phones.Select(p => p.Number))
            .Concat(directory.Services.SelectMany(s => s.Details.Phones.Select(p => p.Number)))
            .Concat(directory.Services.SelectMany(s => s.StaffContacts.Select(c => c.Phone ?? "")))
            .ToList();
        var websites = directory.Organizations.Select(o => o.Details.Website).Concat(directory.Services.Select(s => s.Details.Website)).OfType<string>().ToList();
        var emails = directory.Organizations.Select(o => o.Details.Email).Concat(directory.Services.Select(s => s.Details.Email))
            .Concat(directory.Services.SelectMany(s => s.StaffContacts.Select(c => c.Email))).OfType<string>().ToList();

        Assert.All(phones, number => Assert.Matches(ReservedPhone(), number));
        Assert.Equal(phones.Count, phones.Distinct().Count());
        Assert.All(websites, site => Assert.EndsWith(".example", new Uri(site).Host, StringComparison.Ordinal));
        Assert.All(emails, email => Assert.EndsWith(".example", email, StringComparison.Ordinal));
        Assert.InRange(phones.Count, 100, int.MaxValue);

        // Also in free text: no number, address or mail that could reach a real person or site.
        var file = await File.ReadAllTextAsync(DemoDirectory.File, Ct);
        Assert.Equal(phones.Count, PhoneLike().Count(file));
        Assert.All(PhoneLike().Matches(file), m => Assert.StartsWith("0221 4710 ", m.Value, StringComparison.Ordinal));
        Assert.Equal(websites.Count + emails.Count, AddressLike().Count(file));
        Assert.All(AddressLike().Matches(file), m => Assert.EndsWith(".example", m.Groups["host"].Value, StringComparison.Ordinal));
    }

    [GeneratedRegex("^0221 4710 [0-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReservedPhone();

    [GeneratedRegex(@"(?<![0-9])(\+49|0)[0-9]{2,5}[ /-]?[0-9]{3,}[0-9 /-]*", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneLike();

    [GeneratedRegex(@"(https?://|@|www\.)(?<host>[A-Za-z0-9.-]+[A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex AddressLike();
}
