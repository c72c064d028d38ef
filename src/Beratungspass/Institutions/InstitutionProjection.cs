using Beratungspass.ServiceDirectory;
using Marten.Events.Projections;

namespace Beratungspass.Institutions;

/// <summary>
/// An institution is a directory organization as intake, accounts and histories need it: its name, town
/// and services. Projected inline from the directory's events, so the directory is the one place they are edited.
/// </summary>
public sealed class InstitutionProjection : MultiStreamProjection<Institution, string>
{
    public InstitutionProjection()
    {
        Identity<IOrganizationEvent>(e => e.OrganizationId);
        Identity<IServiceEvent>(e => e.OrganizationId);
    }

    public static Institution Create(OrganizationCreated e) => new()
    {
        Id = e.OrganizationId,
        Name = e.Details.Name,
        Town = Institution.TownOf(e.Details),
    };

    public static void Apply(OrganizationChanged e, Institution institution)
    {
        institution.Name = e.Details.Name;
        institution.Town = Institution.TownOf(e.Details);
    }

#pragma warning disable IDE0060 // the event is the reason, not a source of data
    public static void Apply(OrganizationRetired e, Institution institution) => institution.Retired = true;
#pragma warning restore IDE0060

    public static void Apply(ServiceCreated e, Institution institution)
    {
        institution.Services.RemoveAll(s => s.Id == e.ServiceId);
        institution.Services.Add(new InstitutionService
        {
            Id = e.ServiceId,
            Name = e.Details.Name,
            Sensitive = DirectoryService.IsSensitive(e.Details.Topics),
            Retired = e.Details.Status == ServiceStatus.Defunct,
        });
    }

    public static void Apply(ServiceChanged e, Institution institution)
    {
        if (institution.Services.FirstOrDefault(s => s.Id == e.ServiceId) is { } service)
        {
            service.Name = e.Details.Name;
            service.Sensitive = DirectoryService.IsSensitive(e.Details.Topics);
        }
    }

    public static void Apply(ServiceRetired e, Institution institution)
    {
        if (institution.Services.FirstOrDefault(s => s.Id == e.ServiceId) is { } service)
        {
            service.Retired = true;
        }
    }
}
