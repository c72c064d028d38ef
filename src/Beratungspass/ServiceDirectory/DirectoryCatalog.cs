using System.Globalization;
using System.Text;
using Beratungspass.Infrastructure;
using Beratungspass.Topics;
using Marten;
using NodaTime;

namespace Beratungspass.ServiceDirectory;

/// <summary>
/// The whole directory in memory, as the public pages, the HSDS API and the exports read it. A few thousand
/// services fit easily; each request checks one revision row and reloads only after a change, so every
/// node of the app sees an edit with its next request.
/// </summary>
public sealed class DirectoryCatalog(IDocumentStore store) : IDisposable
{
    private readonly SemaphoreSlim reloading = new(1, 1);
    private volatile DirectorySnapshot? current;

    public async Task<DirectorySnapshot> CurrentAsync(CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        var revision = await query.LoadAsync<DirectoryRevision>(DirectoryRevision.TheId, cancellation);
        var token = revision?.Token ?? Guid.Empty;
        if (current is { } fresh && fresh.Revision == token)
        {
            return fresh;
        }

        await reloading.WaitAsync(cancellation);
        try
        {
            if (current is { } loaded && loaded.Revision == token)
            {
                return loaded;
            }

            // Read after the revision: a change committed in between only makes the copy newer than its token,
            // and the next request reloads once more.
            var organizations = await query.Query<DirectoryOrganization>().ToListAsync(cancellation);
            var services = await query.Query<DirectoryService>().ToListAsync(cancellation);
            var snapshot = new DirectorySnapshot(token, revision?.LastChange, organizations, services);
            current = snapshot;
            return snapshot;
        }
        finally
        {
            reloading.Release();
        }
    }

    public void Dispose() => reloading.Dispose();
}

/// <summary>What a directory search asks for; every part is optional.</summary>
public sealed record DirectoryQuery(
    string? Text = null,
    string? Topic = null,
    string? Language = null,
    int? Age = null,
    string? Town = null,
    bool OpenNow = false,
    string? OrganizationId = null,
    bool IncludeClosed = false);

/// <summary>One version of the directory, indexed for search.</summary>
public sealed class DirectorySnapshot
{
    private readonly Dictionary<string, DirectoryOrganization> organizations;
    private readonly Dictionary<string, DirectoryService> services;
    private readonly Dictionary<Guid, DirectoryOrganization> organizationsByHsdsId;
    private readonly Dictionary<Guid, DirectoryService> servicesByHsdsId;
    private readonly Dictionary<string, string> searchText;

    public DirectorySnapshot(Guid revision, Instant? lastChange, IReadOnlyList<DirectoryOrganization> organizations, IReadOnlyList<DirectoryService> services)
    {
        Revision = revision;
        LastChange = lastChange;
        this.organizations = organizations.ToDictionary(o => o.OrganizationId, StringComparer.Ordinal);
        this.services = services.ToDictionary(s => s.ServiceId, StringComparer.Ordinal);
        organizationsByHsdsId = organizations.ToDictionary(o => o.HsdsId);
        servicesByHsdsId = services.ToDictionary(s => s.HsdsId);
        Organizations = [.. organizations.OrderBy(o => o.Details.Name, StringComparer.Create(Culture, true)).ThenBy(o => o.OrganizationId, StringComparer.Ordinal)];
        Services = [.. services.OrderBy(s => s.Details.Name, StringComparer.Create(Culture, true)).ThenBy(s => s.ServiceId, StringComparer.Ordinal)];
        searchText = services.ToDictionary(s => s.ServiceId, s => Fold(SearchableText(s)), StringComparer.Ordinal);
    }

    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("de-DE");

    public Guid Revision { get; }

    public Instant? LastChange { get; }

    /// <summary>All organizations, retired ones included, by name.</summary>
    public IReadOnlyList<DirectoryOrganization> Organizations { get; }

    /// <summary>All services, retired ones included, by name.</summary>
    public IReadOnlyList<DirectoryService> Services { get; }

    public DirectoryOrganization? Organization(string organizationId) => organizations.GetValueOrDefault(organizationId);

    public DirectoryOrganization? Organization(Guid hsdsId) => organizationsByHsdsId.GetValueOrDefault(hsdsId);

    public DirectoryService? Service(string serviceId) => services.GetValueOrDefault(serviceId);

    public DirectoryService? Service(Guid hsdsId) => servicesByHsdsId.GetValueOrDefault(hsdsId);

    public IEnumerable<DirectoryService> ServicesOf(string organizationId) => Services.Where(s => s.OrganizationId == organizationId);

    /// <summary>The locations of the organization where the service is offered, with the hours there.</summary>
    public IEnumerable<(DirectoryLocation Location, ServiceLocation At)> LocationsOf(DirectoryService service)
    {
        var organization = Organization(service.OrganizationId);
        foreach (var at in service.Details.Locations)
        {
            if (organization?.Location(at.LocationId) is { } location)
            {
                yield return (location, at);
            }
        }
    }

    public static bool IsOpenAt(DirectoryService service, Instant now)
    {
        var local = now.InZone(MartenConfiguration.Zone).LocalDateTime;
        return service.Details.Status == ServiceStatus.Active
            && service.Details.Locations.Any(at => at.Hours.Any(h => h.IsOpenAt(local)));
    }

    /// <summary>
    /// Services matching every given part of the query. Text matches words in any order, ignoring case and
    /// umlauts (<c>lunen</c> finds Lünen), in names, descriptions, the organization, towns and topic names.
    /// Without <see cref="DirectoryQuery.IncludeClosed"/> only active and temporarily closed services of active organizations come back.
    /// Services whose name matches come first.
    /// </summary>
    public IReadOnlyList<DirectoryService> Search(DirectoryQuery query, Instant now)
    {
        var words = Fold(query.Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var results = new List<(DirectoryService Service, bool NameMatch)>();
        foreach (var service in Services)
        {
            if (!query.IncludeClosed && (service.Details.Status is ServiceStatus.Defunct or ServiceStatus.Inactive
                || Organization(service.OrganizationId) is null or { Retired: true }))
            {
                continue;
            }

            if ((query.OrganizationId is not null && service.OrganizationId != query.OrganizationId)
                || (query.Topic is not null && !service.Details.Topics.Contains(query.Topic))
                || (query.Language is not null && !service.Details.Languages.Contains(query.Language))
                || (query.Age is { } age && (service.Details.MinimumAge > age || service.Details.MaximumAge < age))
                || (query.Town is not null && !LocationsOf(service).Any(l => l.Location.Address.Town == query.Town))
                || (query.OpenNow && !IsOpenAt(service, now)))
            {
                continue;
            }

            var text = searchText[service.ServiceId];
            if (words.All(text.Contains))
            {
                var name = Fold(service.Details.Name + " " + service.Details.AlternateName);
                results.Add((service, words.Length > 0 && words.All(name.Contains)));
            }
        }

        return [.. results.OrderByDescending(r => r.NameMatch).Select(r => r.Service)];
    }

    private string SearchableText(DirectoryService service)
    {
        var text = new StringBuilder()
            .Append(service.Details.Name).Append(' ')
            .Append(service.Details.AlternateName).Append(' ')
            .Append(service.Details.Description).Append(' ')
            .Append(service.Details.EligibilityDescription).Append(' ');
        if (Organization(service.OrganizationId) is { } organization)
        {
            text.Append(organization.Details.Name).Append(' ').Append(organization.Details.AlternateName).Append(' ');
        }

        foreach (var (location, _) in LocationsOf(service))
        {
            text.Append(location.Name).Append(' ').Append(location.Address.Town).Append(' ').Append(location.Address.Street).Append(' ');
        }

        foreach (var topic in service.Details.Topics.Select(Taxonomy.Find).OfType<Topic>())
        {
            text.Append(topic.German).Append(' ').Append(topic.English).Append(' ');
        }

        foreach (var language in service.Details.Languages.Select(Languages.Find).OfType<Language>())
        {
            text.Append(language.Endonym).Append(' ').Append(language.German).Append(' ').Append(language.English).Append(' ');
        }

        return text.ToString();
    }

    /// <summary>Lower case, umlauts and accents folded (ü → u, ß → ss), everything but letters and digits a space.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Replace("ß", "ss", StringComparison.Ordinal).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length + 2).Append(' ');
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return folded.Append(' ').ToString();
    }
}
