using Beratungspass.Topics;
using Marten.Events.Aggregation;
using NodaTime;

namespace Beratungspass.ServiceDirectory;

/// <summary>The current state of one service, projected inline from its stream.</summary>
public sealed class DirectoryService
{
    /// <summary>The stream key, <see cref="DirectoryStreams.Service"/> of <see cref="ServiceId"/>.</summary>
    public required string Id { get; set; }

    /// <summary>Unique in the network and never changed: contacts, referrals and statistics name it.</summary>
    public required string ServiceId { get; set; }

    public required string OrganizationId { get; set; }

    public Guid HsdsId { get; set; }

    public required ServiceDetails Details { get; set; }

    /// <summary>Staff only: never on public pages, in the HSDS API or in exports.</summary>
    public List<StaffContact> StaffContacts { get; set; } = [];

    public Instant Created { get; set; }

    public Instant LastModified { get; set; }

    public string LastModifiedBy { get; set; } = "";

    public long Version { get; set; }

    public bool Retired => Details.Status == ServiceStatus.Defunct;

    /// <summary>Psychosocial, violence-protection and discrimination services: a client may want them kept from others.</summary>
    public bool Sensitive => IsSensitive(Details.Topics);

    public static bool IsSensitive(IEnumerable<string> topics) => topics.Any(t => Taxonomy.Find(t)?.Sensitive == true);
}

public sealed class DirectoryServiceProjection : SingleStreamProjection<DirectoryService, string>
{
    public static DirectoryService Create(ServiceCreated e) => new()
    {
        Id = DirectoryStreams.Service(e.ServiceId),
        ServiceId = e.ServiceId,
        OrganizationId = e.OrganizationId,
        HsdsId = e.HsdsId,
        Details = e.Details,
        StaffContacts = [.. e.StaffContacts],
        Created = e.At,
        LastModified = e.At,
        LastModifiedBy = e.By,
    };

    public static void Apply(ServiceChanged e, DirectoryService service)
    {
        service.Details = e.Details;
        service.StaffContacts = [.. e.StaffContacts];
        service.LastModified = e.At;
        service.LastModifiedBy = e.By;
    }

    public static void Apply(ServiceRetired e, DirectoryService service)
    {
        service.Details = service.Details with { Status = ServiceStatus.Defunct };
        service.LastModified = e.At;
        service.LastModifiedBy = e.By;
    }
}
