using NodaTime;

namespace Beratungspass.ServiceDirectory;

/// <summary>Every change to the directory: who (account id), when, and the whole new state, so each change can be shown and undone by hand.</summary>
public interface IDirectoryEvent
{
    string By { get; }

    Instant At { get; }
}

public interface IOrganizationEvent : IDirectoryEvent
{
    string OrganizationId { get; }
}

public interface IServiceEvent : IDirectoryEvent
{
    string ServiceId { get; }

    string OrganizationId { get; }
}

public sealed record OrganizationCreated(string OrganizationId, Guid HsdsId, OrganizationDetails Details, string By, Instant At) : IOrganizationEvent;

public sealed record OrganizationChanged(string OrganizationId, OrganizationDetails Details, string By, Instant At) : IOrganizationEvent;

/// <summary>The organization left the network. Only once all its services are retired.</summary>
public sealed record OrganizationRetired(string OrganizationId, string By, Instant At) : IOrganizationEvent;

public sealed record ServiceCreated(
    string ServiceId, Guid HsdsId, string OrganizationId, ServiceDetails Details, IReadOnlyList<StaffContact> StaffContacts, string By, Instant At) : IServiceEvent;

public sealed record ServiceChanged(
    string ServiceId, string OrganizationId, ServiceDetails Details, IReadOnlyList<StaffContact> StaffContacts, string By, Instant At) : IServiceEvent;

/// <summary>The service closed for good (HSDS status <c>defunct</c>). Histories keep showing it; it takes nothing new.</summary>
public sealed record ServiceRetired(string ServiceId, string OrganizationId, string By, Instant At) : IServiceEvent;
