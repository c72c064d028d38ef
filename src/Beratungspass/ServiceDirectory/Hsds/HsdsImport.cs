using Beratungspass.Infrastructure;
using NodaTime;

namespace Beratungspass.ServiceDirectory.Hsds;

/// <summary>How many entries an import created, changed, left as they were or retired; and how many in the directory the file did not mention.</summary>
public sealed record ImportSummary(
    int OrganizationsCreated,
    int OrganizationsChanged,
    int OrganizationsUnchanged,
    int OrganizationsRetired,
    int ServicesCreated,
    int ServicesChanged,
    int ServicesUnchanged,
    int ServicesRetired,
    int OrganizationsNotInFile,
    int ServicesNotInFile)
{
    public static ImportSummary None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>The events for one stream: a new one, or an existing one at <paramref name="Version"/> (the version the plan was made on).</summary>
public sealed record ImportAppend(string Key, bool IsService, long? Version, IReadOnlyList<object> Events);

/// <summary>What an import would write: nothing at all while <see cref="Errors"/> has any entry.</summary>
public sealed record ImportPlan(IReadOnlyList<DirectoryError> Errors, IReadOnlyList<ImportAppend> Streams, ImportSummary Summary)
{
    public bool Valid => Errors.Count == 0;
}

/// <summary>
/// The import's decision, pure: the file as read and the directory as it is → every error, or the events.
/// Entries are matched by their HSDS UUID: a known one is changed through <see cref="DirectoryDecisions"/>
/// (its staff contacts stay as they are, since the file never carries them), an unknown one is created under
/// the slug the file gives it (or one derived from its name). Entries of the directory that the file does not
/// mention stay as they are. A retired entry is never changed; an entry the file marks retired is retired.
/// </summary>
public static partial class HsdsImport
{
    public static ImportPlan Plan(HsdsImportFile file, IReadOnlyList<DirectoryOrganization> organizations, IReadOnlyList<DirectoryService> services, string by, Instant now)
    {
        var errors = new ErrorList(file.Errors);
        var storedOrganizations = organizations.ToDictionary(o => o.HsdsId);
        var storedServices = services.ToDictionary(s => s.HsdsId);
        var organizationSlugs = AssignSlugs(errors, file.Organizations.Select(o => (o.Path, o.HsdsId, o.Slug, o.SlugPath, o.Details.Name)).ToList(),
            storedOrganizations.ToDictionary(p => p.Key, p => p.Value.OrganizationId), organizations.Select(o => o.OrganizationId), "organisation");
        var fileServices = file.Organizations.SelectMany(o => o.Services).ToList();
        var serviceSlugs = AssignSlugs(errors, fileServices.Select(s => (s.Path, s.HsdsId, s.Slug, s.SlugPath, s.Details.Name)).ToList(),
            storedServices.ToDictionary(p => p.Key, p => p.Value.ServiceId), services.Select(s => s.ServiceId), "angebot");

        foreach (var organization in file.Organizations)
        {
            CheckOrganization(errors, organization, storedOrganizations.GetValueOrDefault(organization.HsdsId), organizations);
            foreach (var service in organization.Services)
            {
                CheckService(errors, file, organization, organizationSlugs[organization.Path], service, storedServices.GetValueOrDefault(service.HsdsId), organizations);
            }
        }

        var (streams, summary) = Decide(errors, file, organizationSlugs, serviceSlugs, storedOrganizations, storedServices, by, now);
        var mentioned = file.Organizations.Select(o => o.HsdsId).ToHashSet();
        var mentionedServices = fileServices.Select(s => s.HsdsId).ToHashSet();
        summary = summary with
        {
            OrganizationsNotInFile = organizations.Count(o => !mentioned.Contains(o.HsdsId)),
            ServicesNotInFile = services.Count(s => !mentionedServices.Contains(s.HsdsId)),
        };
        return errors.Count > 0 ? new ImportPlan(errors.All, [], ImportSummary.None) : new ImportPlan([], streams, summary);
    }

    /// <summary>
    /// Each entry's slug: a known entry keeps its own (the file may repeat it, not change it); a new one takes the
    /// file's, which must be free, or one derived from its name.
    /// </summary>
    private static Dictionary<string, string> AssignSlugs(
        ErrorList errors, IReadOnlyList<(string Path, Guid HsdsId, string? Slug, string? SlugPath, string Name)> entries,
        Dictionary<Guid, string> storedSlugs, IEnumerable<string> taken, string fallback)
    {
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(taken, StringComparer.Ordinal);
        var inFile = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (storedSlugs.TryGetValue(entry.HsdsId, out var own))
            {
                if (entry.Slug is not null && entry.Slug != own)
                {
                    errors.Add(entry.SlugPath!, "slug-changed",
                        $"Dieser Eintrag hat im Verzeichnis die Kennung „{own}“; eine Kennung ändert sich nie.",
                        $"This entry has the id \"{own}\" in the directory; an id never changes.");
                }

                slugs[entry.Path] = own;
            }
            else if (entry.Slug is not null)
            {
                if (used.Contains(entry.Slug) && !inFile.ContainsKey(entry.Slug))
                {
                    errors.Add(entry.SlugPath!, "slug-taken",
                        "Diese Kennung ist im Verzeichnis schon vergeben (auch eingestellte Einträge behalten ihre Kennung).",
                        "This id is already taken in the directory (retired entries keep theirs too).");
                }

                slugs[entry.Path] = entry.Slug;
            }
            else
            {
                continue;
            }

            used.Add(slugs[entry.Path]);
            if (!inFile.TryAdd(slugs[entry.Path], entry.Path))
            {
                errors.Add(entry.SlugPath ?? entry.Path, "slug-duplicate",
                    $"Die Kennung „{slugs[entry.Path]}“ hat in der Datei schon {inFile[slugs[entry.Path]]}.",
                    $"The id \"{slugs[entry.Path]}\" is already used in the file by {inFile[slugs[entry.Path]]}.");
            }
        }

        // Entries without a slug of their own (files from elsewhere) get one from their name, once all given ones are known.
        foreach (var entry in entries.Where(e => !slugs.ContainsKey(e.Path)))
        {
            slugs[entry.Path] = Derive(entry.Name, fallback, entry.HsdsId, used);
            used.Add(slugs[entry.Path]);
        }

        return slugs;
    }

    private static string Derive(string name, string fallback, Guid id, HashSet<string> used)
    {
        var words = DirectorySnapshot.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.All(char.IsAsciiLetterOrDigit));
        var stem = string.Join('-', words);
        stem = stem.Length > 56 ? stem[..56].TrimEnd('-') : stem;
        if (!Slug.IsValid(stem))
        {
            stem = $"{fallback}-{id:N}"[..(fallback.Length + 9)];
        }

        var candidate = stem;
        for (var n = 2; used.Contains(candidate); n++)
        {
            candidate = $"{stem}-{n}";
        }

        return candidate;
    }

    private static void CheckOrganization(ErrorList errors, ImportedOrganization organization, DirectoryOrganization? stored, IReadOnlyList<DirectoryOrganization> all)
    {
        foreach (var error in DirectoryValidation.Organization(organization.Details))
        {
            errors.Add(error with { Path = HsdsImportPaths.Organization(organization.Path, error.Path) });
        }

        for (var i = 0; i < organization.Details.Locations.Count; i++)
        {
            var id = organization.Details.Locations[i].Id;
            if (all.FirstOrDefault(o => o.HsdsId != organization.HsdsId && o.Location(id) is not null) is { } owner)
            {
                errors.Add($"{organization.Path}.locations[{i}].id", "id-taken",
                    $"Diese Kennung hat im Verzeichnis ein Standort von „{owner.Details.Name}“.",
                    $"This id belongs to a location of \"{owner.Details.Name}\" in the directory.");
            }
        }

        if (stored is { Retired: true })
        {
            if (!organization.Retired)
            {
                errors.Add(organization.Path, "organization-retired",
                    "Die Organisation ist aus dem Netzwerk ausgeschieden und kann nicht wieder aufgenommen werden; bitte das Attribut „beratungspass-status: retired“ stehen lassen.",
                    "The organization has left the network and cannot be taken back; please keep its attribute \"beratungspass-status: retired\".");
            }
            else if (!DirectoryDecisions.Same(stored.Details, organization.Details))
            {
                errors.Add(organization.Path, "organization-retired",
                    "Die Organisation ist aus dem Netzwerk ausgeschieden und kann nicht mehr geändert werden; bitte die Änderungen an ihr zurücknehmen.",
                    "The organization has left the network and can no longer be changed; please undo the changes to it.");
            }
        }
    }

    private static void CheckService(
        ErrorList errors, HsdsImportFile file, ImportedOrganization organization, string organizationSlug, ImportedService service,
        DirectoryService? stored, IReadOnlyList<DirectoryOrganization> all)
    {
        if (stored is not null && stored.OrganizationId != organizationSlug)
        {
            errors.Add(service.Path, "service-moved",
                $"Dieses Angebot gehört im Verzeichnis zur Organisation „{stored.OrganizationId}“; ein Angebot wechselt die Organisation nicht.",
                $"This service belongs to the organization \"{stored.OrganizationId}\" in the directory; a service does not change its organization.");
        }

        for (var i = 0; i < service.Details.Locations.Count; i++)
        {
            var id = service.Details.Locations[i].LocationId;
            if (id == Guid.Empty || organization.Details.Locations.Any(l => l.Id == id))
            {
                continue;
            }

            var owner = file.Organizations.FirstOrDefault(o => o.Details.Locations.Any(l => l.Id == id))?.Details.Name
                ?? all.FirstOrDefault(o => o.Location(id) is not null)?.Details.Name;
            if (owner is not null)
            {
                errors.Add($"{service.Path}.service_at_locations[{i}].location_id", "location-of-other-organization",
                    $"Der Standort {id} gehört zu „{owner}“, nicht zur Organisation dieses Angebots.",
                    $"The location {id} belongs to \"{owner}\", not to this service's organization.");
            }
        }

        foreach (var error in DirectoryValidation.Service(service.Details, stored?.StaffContacts ?? [], organization.Details))
        {
            errors.Add(error with { Path = HsdsImportPaths.Service(service.Path, error.Path, service.TopicAttributes) });
        }

        if (stored is { Retired: true })
        {
            if (service.Details.Status != ServiceStatus.Defunct)
            {
                errors.Add(service.Path + ".status", "service-retired",
                    "Das Angebot ist eingestellt und kann nicht wieder geöffnet werden (status bleibt „defunct“).",
                    "The service is retired and cannot be reopened (status stays \"defunct\").");
            }
            else if (!DirectoryDecisions.Same(stored.Details, service.Details))
            {
                errors.Add(service.Path, "service-retired",
                    "Das Angebot ist eingestellt und kann nicht mehr geändert werden; bitte die Änderungen an ihm zurücknehmen.",
                    "The service is retired and can no longer be changed; please undo the changes to it.");
            }
        }
    }
}
