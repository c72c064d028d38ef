using Beratungspass.Infrastructure;
using NodaTime;

namespace Beratungspass.ServiceDirectory;

/// <summary>
/// The directory's decisions: pure functions from the current state and a command to the events to append.
/// Every change names who made it and when. An edit that changes nothing appends nothing.
/// </summary>
public static class DirectoryDecisions
{
    public static OrganizationCreated CreateOrganization(
        bool idTaken, string organizationId, Guid? hsdsId, OrganizationDetails details, string by, Instant now)
    {
        if (!Slug.IsValid(organizationId))
        {
            throw new CommandRejectedException(Rejection.DirectoryIdInvalid, organizationId);
        }

        if (idTaken)
        {
            throw new CommandRejectedException(Rejection.DirectoryIdTaken, organizationId);
        }

        Valid(DirectoryValidation.Organization(details));
        return new OrganizationCreated(organizationId, hsdsId ?? HsdsIds.Organization(organizationId), details, by, now);
    }

    public static IReadOnlyList<object> ChangeOrganization(
        DirectoryOrganization? current, OrganizationDetails details, IReadOnlyList<DirectoryService> services, string by, Instant now)
    {
        var organization = Existing(current);
        Valid(DirectoryValidation.Organization(details));
        // A location still named by an active service cannot go: the service would point nowhere.
        var removed = organization.Details.Locations.Select(l => l.Id).Except(details.Locations.Select(l => l.Id)).ToHashSet();
        var stillUsed = services.Where(s => !s.Retired && s.Details.Locations.Any(l => removed.Contains(l.LocationId))).ToList();
        if (stillUsed.Count > 0)
        {
            var index = organization.Details.Locations.ToList().FindIndex(l => removed.Contains(l.Id)
                && stillUsed.Any(s => s.Details.Locations.Any(at => at.LocationId == l.Id)));
            throw new InvalidDirectoryEntryException([new DirectoryError($"locations[{index}]", "location-in-use",
                $"Dieser Standort wird noch von {string.Join(", ", stillUsed.Select(s => s.Details.Name))} genannt.",
                $"This location is still named by {string.Join(", ", stillUsed.Select(s => s.Details.Name))}.")]);
        }

        return Same(organization.Details, details) ? [] : [new OrganizationChanged(organization.OrganizationId, details, by, now)];
    }

    public static OrganizationRetired RetireOrganization(DirectoryOrganization? current, IReadOnlyList<DirectoryService> services, string by, Instant now)
    {
        var organization = Existing(current);
        var active = services.Where(s => !s.Retired).Select(s => s.Details.Name).ToList();
        if (active.Count > 0)
        {
            throw new CommandRejectedException(Rejection.OrganizationHasActiveServices, string.Join(", ", active));
        }

        return new OrganizationRetired(organization.OrganizationId, by, now);
    }

    public static ServiceCreated CreateService(
        DirectoryOrganization? organization, bool idTaken, string serviceId, Guid? hsdsId,
        ServiceDetails details, IReadOnlyList<StaffContact> staffContacts, string by, Instant now)
    {
        var owner = Existing(organization);
        if (!Slug.IsValid(serviceId))
        {
            throw new CommandRejectedException(Rejection.DirectoryIdInvalid, serviceId);
        }

        if (idTaken)
        {
            throw new CommandRejectedException(Rejection.DirectoryIdTaken, serviceId);
        }

        NotDefunct(details);
        Valid(DirectoryValidation.Service(details, staffContacts, owner.Details));
        return new ServiceCreated(serviceId, hsdsId ?? HsdsIds.Service(serviceId), owner.OrganizationId, details, staffContacts, by, now);
    }

    public static IReadOnlyList<object> ChangeService(
        DirectoryService? current, DirectoryOrganization? organization, ServiceDetails details, IReadOnlyList<StaffContact> staffContacts, string by, Instant now)
    {
        if (current is null)
        {
            throw new CommandRejectedException(Rejection.ServiceNotFound);
        }

        if (current.Retired)
        {
            throw new CommandRejectedException(Rejection.ServiceRetired, current.ServiceId);
        }

        NotDefunct(details);
        Valid(DirectoryValidation.Service(details, staffContacts, organization?.Details));
        return Same(current.Details, details) && Same(current.StaffContacts, staffContacts)
            ? []
            : [new ServiceChanged(current.ServiceId, current.OrganizationId, details, staffContacts, by, now)];
    }

    public static ServiceRetired RetireService(DirectoryService? current, string by, Instant now)
    {
        if (current is null)
        {
            throw new CommandRejectedException(Rejection.ServiceNotFound);
        }

        return current.Retired
            ? throw new CommandRejectedException(Rejection.ServiceRetired, current.ServiceId)
            : new ServiceRetired(current.ServiceId, current.OrganizationId, by, now);
    }

    private static DirectoryOrganization Existing(DirectoryOrganization? organization) => organization switch
    {
        null => throw new CommandRejectedException(Rejection.OrganizationNotFound),
        { Retired: true } => throw new CommandRejectedException(Rejection.OrganizationRetired, organization.OrganizationId),
        _ => organization,
    };

    private static void NotDefunct(ServiceDetails details)
    {
        if (details.Status == ServiceStatus.Defunct)
        {
            throw new CommandRejectedException(Rejection.RetireInsteadOfDefunct);
        }
    }

    private static void Valid(IReadOnlyList<DirectoryError> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidDirectoryEntryException(errors);
        }
    }

    /// <summary>Records with lists compare by reference; the directory compares what an entry says.</summary>
    public static bool Same<T>(T a, T b) => DirectoryChanges.Between(a, b).Count == 0;
}
