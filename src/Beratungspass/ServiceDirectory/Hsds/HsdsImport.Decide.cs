using System.Text.RegularExpressions;
using Beratungspass.Infrastructure;
using NodaTime;

namespace Beratungspass.ServiceDirectory.Hsds;

/// <summary>The import's second step: the directory's decisions on every entry that passed the checks, and the error list.</summary>
public static partial class HsdsImport
{
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
