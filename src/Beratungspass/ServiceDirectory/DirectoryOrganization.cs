using Marten.Events.Aggregation;
using NodaTime;

namespace Beratungspass.ServiceDirectory;

/// <summary>The current state of one organization, projected inline from its stream.</summary>
public sealed class DirectoryOrganization
{
    /// <summary>The stream key, <see cref="DirectoryStreams.Organization"/> of <see cref="OrganizationId"/>.</summary>
    public required string Id { get; set; }

    /// <summary>The slug the network knows the organization by; the id of its <c>Institution</c>.</summary>
    public required string OrganizationId { get; set; }

    public Guid HsdsId { get; set; }

    public required OrganizationDetails Details { get; set; }

    public bool Retired { get; set; }

    public Instant Created { get; set; }

    public Instant LastModified { get; set; }

    public string LastModifiedBy { get; set; } = "";

    /// <summary>The stream version: edit forms carry it, so an edit made meanwhile is detected.</summary>
    public long Version { get; set; }

    public DirectoryLocation? Location(Guid locationId) => Details.Locations.FirstOrDefault(l => l.Id == locationId);
}

public sealed class DirectoryOrganizationProjection : SingleStreamProjection<DirectoryOrganization, string>
{
    public static DirectoryOrganization Create(OrganizationCreated e) => new()
    {
        Id = DirectoryStreams.Organization(e.OrganizationId),
        OrganizationId = e.OrganizationId,
        HsdsId = e.HsdsId,
        Details = e.Details,
        Created = e.At,
        LastModified = e.At,
        LastModifiedBy = e.By,
    };

    public static void Apply(OrganizationChanged e, DirectoryOrganization organization)
    {
        organization.Details = e.Details;
        organization.LastModified = e.At;
        organization.LastModifiedBy = e.By;
    }

    public static void Apply(OrganizationRetired e, DirectoryOrganization organization)
    {
        organization.Retired = true;
        organization.LastModified = e.At;
        organization.LastModifiedBy = e.By;
    }
}
