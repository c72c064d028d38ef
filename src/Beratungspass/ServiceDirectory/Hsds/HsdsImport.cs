using System.Text.RegularExpressions;
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

    private static (List<ImportAppend> Streams, ImportSummary Summary) Decide(
        ErrorList errors, HsdsImportFile file, Dictionary<string, string> organizationSlugs, Dictionary<string, string> serviceSlugs,
        Dictionary<Guid, DirectoryOrganization> storedOrganizations, Dictionary<Guid, DirectoryService> storedServices, string by, Instant now)
    {
        var streams = new List<ImportAppend>();
        var summary = ImportSummary.None;
        var broken = errors.EntriesWithErrors();
        foreach (var organization in file.Organizations)
        {
            if (broken.Contains(organization.Path))
            {
                continue;
            }

            var stored = storedOrganizations.GetValueOrDefault(organization.HsdsId);
            var slug = organizationSlugs[organization.Path];
            var events = new List<object>();
            DirectoryOrganization state;
            // What the organization's services will be, for the rules that look at them (locations in use, retiring).
            var servicesAfter = storedServices.Values.Where(s => s.OrganizationId == slug)
                .ToDictionary(s => s.HsdsId, s => s);
            foreach (var service in organization.Services.Where(s => storedServices.ContainsKey(s.HsdsId) && servicesAfter.ContainsKey(s.HsdsId)))
            {
                servicesAfter[service.HsdsId] = With(servicesAfter[service.HsdsId], service.Details);
            }

            try
            {
                if (stored is null)
                {
                    var created = DirectoryDecisions.CreateOrganization(false, slug, organization.HsdsId, organization.Details, by, now);
                    events.Add(created);
                    state = DirectoryOrganizationProjection.Create(created);
                    summary = summary with { OrganizationsCreated = summary.OrganizationsCreated + 1 };
                }
                else if (stored.Retired)
                {
                    state = stored;
                    summary = summary with { OrganizationsUnchanged = summary.OrganizationsUnchanged + 1 };
                }
                else
                {
                    var changed = DirectoryDecisions.ChangeOrganization(stored, organization.Details, [.. servicesAfter.Values], by, now);
                    events.AddRange(changed);
                    state = With(stored, organization.Details);
                    summary = changed.Count > 0
                        ? summary with { OrganizationsChanged = summary.OrganizationsChanged + 1 }
                        : summary with { OrganizationsUnchanged = summary.OrganizationsUnchanged + 1 };
                }
            }
            catch (InvalidDirectoryEntryException invalid)
            {
                foreach (var error in invalid.Errors)
                {
                    errors.Add(error.Code == "location-in-use"
                        ? error with { Path = organization.Path + ".locations" }
                        : error with { Path = HsdsImportPaths.Organization(organization.Path, error.Path) });
                }

                continue;
            }
            catch (CommandRejectedException rejected)
            {
                errors.Add(organization.Path, rejected.Reason.ToString(), rejected.Message, rejected.Message);
                continue;
            }

            var serviceStreams = new List<ImportAppend>();
            foreach (var service in organization.Services)
            {
                if (broken.Contains(service.Path))
                {
                    continue;
                }

                var (stream, after, kind) = DecideService(errors, service, serviceSlugs[service.Path], storedServices.GetValueOrDefault(service.HsdsId), state, by, now);
                if (after is not null)
                {
                    servicesAfter[after.HsdsId] = after;
                }

                if (stream is not null)
                {
                    serviceStreams.Add(stream);
                }

                summary = kind switch
                {
                    "created" => summary with { ServicesCreated = summary.ServicesCreated + 1 },
                    "changed" => summary with { ServicesChanged = summary.ServicesChanged + 1 },
                    "unchanged" => summary with { ServicesUnchanged = summary.ServicesUnchanged + 1 },
                    _ => summary,
                };
                if (stream?.Events.OfType<ServiceRetired>().Any() == true)
                {
                    summary = summary with { ServicesRetired = summary.ServicesRetired + 1 };
                }
            }

            if (organization.Retired && stored is not { Retired: true })
            {
                try
                {
                    events.Add(DirectoryDecisions.RetireOrganization(state, [.. servicesAfter.Values], by, now));
                    summary = summary with { OrganizationsRetired = summary.OrganizationsRetired + 1 };
                }
                catch (CommandRejectedException rejected) when (rejected.Reason == Rejection.OrganizationHasActiveServices)
                {
                    errors.Add(organization.RetiredPath!, "organization-has-active-services",
                        $"Eine Organisation scheidet erst aus, wenn alle ihre Angebote eingestellt sind (status „defunct“); noch offen: {rejected.Detail}.",
                        $"An organization can leave only once all its services are retired (status \"defunct\"); still open: {rejected.Detail}.");
                }
            }

            if (events.Count > 0)
            {
                streams.Add(new ImportAppend(DirectoryStreams.Organization(slug), false, stored?.Version, events));
            }

            streams.AddRange(serviceStreams);
        }

        return (streams, summary);
    }

    private static (ImportAppend? Stream, DirectoryService? After, string Kind) DecideService(
        ErrorList errors, ImportedService service, string slug, DirectoryService? stored, DirectoryOrganization organization, string by, Instant now)
    {
        var key = DirectoryStreams.Service(slug);
        var retire = service.Details.Status == ServiceStatus.Defunct;
        try
        {
            if (stored is { Retired: true })
            {
                return (null, stored, "unchanged");
            }

            if (stored is not null)
            {
                // A service ends through retiring, not through its status: the other changes first, then the retirement.
                var change = retire ? service.Details with { Status = stored.Details.Status } : service.Details;
                var events = DirectoryDecisions.ChangeService(stored, organization, change, stored.StaffContacts, by, now).ToList();
                if (retire)
                {
                    events.Add(DirectoryDecisions.RetireService(stored, by, now));
                }

                var after = With(stored, service.Details);
                return events.Count == 0
                    ? (null, after, "unchanged")
                    : (new ImportAppend(key, true, stored.Version, events), after, events.OfType<ServiceChanged>().Any() ? "changed" : "retired");
            }

            // A retired service comes in as it was (inactive) and is retired at once, so its history says what happened.
            var created = DirectoryDecisions.CreateService(organization, false, slug, service.HsdsId,
                retire ? service.Details with { Status = ServiceStatus.Inactive } : service.Details, [], by, now);
            var state = DirectoryServiceProjection.Create(created);
            List<object> stream = [created];
            if (retire)
            {
                stream.Add(DirectoryDecisions.RetireService(state, by, now));
            }

            return (new ImportAppend(key, true, null, stream), With(state, service.Details), "created");
        }
        catch (InvalidDirectoryEntryException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                errors.Add(error with { Path = HsdsImportPaths.Service(service.Path, error.Path, service.TopicAttributes) });
            }
        }
        catch (CommandRejectedException rejected)
        {
            var (german, english) = rejected.Reason switch
            {
                Rejection.OrganizationRetired => ("Die Organisation ist ausgeschieden und bekommt keine neuen Angebote.",
                    "The organization has left the network and takes no new services."),
                _ => (rejected.Message, rejected.Message),
            };
            errors.Add(service.Path, rejected.Reason.ToString(), german, english);
        }

        return (null, null, "");
    }

    private static DirectoryOrganization With(DirectoryOrganization organization, OrganizationDetails details) => new()
    {
        Id = organization.Id,
        OrganizationId = organization.OrganizationId,
        HsdsId = organization.HsdsId,
        Details = details,
        Retired = organization.Retired,
        Created = organization.Created,
        LastModified = organization.LastModified,
        LastModifiedBy = organization.LastModifiedBy,
        Version = organization.Version,
    };

    private static DirectoryService With(DirectoryService service, ServiceDetails details) => new()
    {
        Id = service.Id,
        ServiceId = service.ServiceId,
        OrganizationId = service.OrganizationId,
        HsdsId = service.HsdsId,
        Details = details,
        StaffContacts = service.StaffContacts,
        Created = service.Created,
        LastModified = service.LastModified,
        LastModifiedBy = service.LastModifiedBy,
        Version = service.Version,
    };

    [GeneratedRegex(@"^(\$\.organizations\[\d+\])(\.services\[\d+\])?", RegexOptions.CultureInvariant)]
    private static partial Regex EntryPath();

    /// <summary>
    /// The errors of one import. A rule of the directory that fails only because a field is already reported as
    /// missing or malformed (its path, or a path inside it) adds nothing and is left out.
    /// </summary>
    private sealed class ErrorList
    {
        private readonly List<DirectoryError> errors = [];
        private readonly HashSet<string> formPaths = new(StringComparer.Ordinal);
        private readonly HashSet<(string, string)> seen = [];

        public ErrorList(IReadOnlyList<DirectoryError> formErrors)
        {
            foreach (var error in formErrors)
            {
                errors.Add(error);
                formPaths.Add(error.Path);
                seen.Add((error.Path, error.Code));
            }
        }

        public int Count => errors.Count;

        public IReadOnlyList<DirectoryError> All => errors;

        public void Add(string path, string code, string german, string english) => Add(new DirectoryError(path, code, german, english));

        public void Add(DirectoryError error)
        {
            if (Covered(error.Path) || !seen.Add((error.Path, error.Code)))
            {
                return;
            }

            errors.Add(error);
        }

        private bool Covered(string path)
        {
            for (var i = 0; i <= path.Length; i++)
            {
                if ((i == path.Length || path[i] is '.' or '[') && formPaths.Contains(path[..i]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The organizations (own fields, services apart) and services that have an error; they are not decided on.</summary>
        public HashSet<string> EntriesWithErrors()
        {
            var entries = new HashSet<string>(StringComparer.Ordinal);
            foreach (var error in errors)
            {
                var match = EntryPath().Match(error.Path);
                if (match.Success)
                {
                    entries.Add(match.Groups[2].Success ? match.Groups[1].Value + match.Groups[2].Value : match.Groups[1].Value);
                }
            }

            return entries;
        }
    }
}
