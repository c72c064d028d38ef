using Beratungspass.Infrastructure;
using Beratungspass.ServiceDirectory;
using Marten;
using NodaTime;

namespace Beratungspass.Web.ServiceDirectory.Editing;

/// <summary>
/// Writes directory changes: the decision on the current state, appended to the entry's stream in one
/// transaction. Edit forms pass the version they showed; if someone else changed the entry meanwhile the
/// edit is refused with <see cref="Rejection.ChangedMeanwhile"/> instead of silently overwriting.
/// </summary>
public sealed class DirectoryEditing(IDocumentStore store, IClock clock)
{
    public async Task<DirectoryOrganization> CreateOrganizationAsync(string organizationId, OrganizationDetails details, string by, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var key = DirectoryStreams.Organization(organizationId);
        var taken = Slug.IsValid(organizationId) && await session.Events.FetchStreamStateAsync(key, cancellation) is not null;
        var created = DirectoryDecisions.CreateOrganization(taken, organizationId, null, details, by, clock.GetCurrentInstant());
        session.Events.StartStream<DirectoryOrganization>(key, created);
        await SaveAsync(session, cancellation);
        return (await session.LoadAsync<DirectoryOrganization>(key, cancellation))!;
    }

    public async Task<DirectoryOrganization> ChangeOrganizationAsync(string organizationId, long expectedVersion, OrganizationDetails details, string by, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var key = DirectoryStreams.Organization(organizationId);
        var stream = await session.Events.FetchForWriting<DirectoryOrganization>(key, cancellation);
        Expect(stream.Aggregate?.Version, expectedVersion);
        var services = await session.Query<DirectoryService>().Where(s => s.OrganizationId == organizationId).ToListAsync(cancellation);
        stream.AppendMany(DirectoryDecisions.ChangeOrganization(stream.Aggregate, details, services, by, clock.GetCurrentInstant()));
        await SaveAsync(session, cancellation);
        return (await session.LoadAsync<DirectoryOrganization>(key, cancellation))!;
    }

    public async Task RetireOrganizationAsync(string organizationId, long expectedVersion, string by, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<DirectoryOrganization>(DirectoryStreams.Organization(organizationId), cancellation);
        Expect(stream.Aggregate?.Version, expectedVersion);
        var services = await session.Query<DirectoryService>().Where(s => s.OrganizationId == organizationId).ToListAsync(cancellation);
        stream.AppendOne(DirectoryDecisions.RetireOrganization(stream.Aggregate, services, by, clock.GetCurrentInstant()));
        await SaveAsync(session, cancellation);
    }

    public async Task<DirectoryService> CreateServiceAsync(
        string organizationId, string serviceId, ServiceDetails details, IReadOnlyList<StaffContact> staffContacts, string by, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        // Locked for writing, so a location removed at the same moment cannot leave the new service pointing nowhere.
        var organization = await session.Events.FetchForWriting<DirectoryOrganization>(DirectoryStreams.Organization(organizationId), cancellation);
        var key = DirectoryStreams.Service(serviceId);
        var taken = Slug.IsValid(serviceId) && await session.Events.FetchStreamStateAsync(key, cancellation) is not null;
        var created = DirectoryDecisions.CreateService(organization.Aggregate, taken, serviceId, null, details, staffContacts, by, clock.GetCurrentInstant());
        session.Events.StartStream<DirectoryService>(key, created);
        await SaveAsync(session, cancellation);
        return (await session.LoadAsync<DirectoryService>(key, cancellation))!;
    }

    public async Task<DirectoryService> ChangeServiceAsync(
        string serviceId, long expectedVersion, ServiceDetails details, IReadOnlyList<StaffContact> staffContacts, string by, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var key = DirectoryStreams.Service(serviceId);
        var stream = await session.Events.FetchForWriting<DirectoryService>(key, cancellation);
        Expect(stream.Aggregate?.Version, expectedVersion);
        var organization = stream.Aggregate is { } service
            ? await session.LoadAsync<DirectoryOrganization>(DirectoryStreams.Organization(service.OrganizationId), cancellation)
            : null;
        stream.AppendMany(DirectoryDecisions.ChangeService(stream.Aggregate, organization, details, staffContacts, by, clock.GetCurrentInstant()));
        await SaveAsync(session, cancellation);
        return (await session.LoadAsync<DirectoryService>(key, cancellation))!;
    }

    public async Task RetireServiceAsync(string serviceId, long expectedVersion, string by, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<DirectoryService>(DirectoryStreams.Service(serviceId), cancellation);
        Expect(stream.Aggregate?.Version, expectedVersion);
        stream.AppendOne(DirectoryDecisions.RetireService(stream.Aggregate, by, clock.GetCurrentInstant()));
        await SaveAsync(session, cancellation);
    }

    /// <summary>The changes of one entry, newest first: who, when, what.</summary>
    public async Task<IReadOnlyList<DirectoryHistoryEntry>> HistoryAsync(string streamKey, CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        var events = await query.Events.FetchStreamAsync(streamKey, token: cancellation);
        var entries = new List<DirectoryHistoryEntry>();
        object? before = null;
        foreach (var e in events)
        {
            var data = e.Data;
            var (kind, after) = data switch
            {
                OrganizationCreated c => (DirectoryChangeKind.Created, (object?)c.Details),
                OrganizationChanged c => (DirectoryChangeKind.Changed, c.Details),
                ServiceCreated c => (DirectoryChangeKind.Created, new ServiceState(c.Details, c.StaffContacts)),
                ServiceChanged c => (DirectoryChangeKind.Changed, new ServiceState(c.Details, c.StaffContacts)),
                OrganizationRetired or ServiceRetired => (DirectoryChangeKind.Retired, before),
                _ => (DirectoryChangeKind.Changed, before),
            };
            var changes = kind == DirectoryChangeKind.Retired ? [] : DirectoryChanges.Between(before, after);
            var change = (IDirectoryEvent)data;
            entries.Add(new DirectoryHistoryEntry(e.Version, kind, change.By, change.At, changes));
            before = after;
        }

        entries.Reverse();
        return entries;
    }

    /// <summary>
    /// What the entry said at a version: the organization's details, or the service's <see cref="ServiceState"/>.
    /// Null when the stream does not exist. Compared with an edit form's input, it shows what the user changed.
    /// </summary>
    public async Task<object?> StateAtAsync(string streamKey, long version, CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        var events = await query.Events.FetchStreamAsync(streamKey, version, token: cancellation);
        return events.Select(e => e.Data).LastOrDefault(e => e is not (OrganizationRetired or ServiceRetired)) switch
        {
            OrganizationCreated c => c.Details,
            OrganizationChanged c => c.Details,
            ServiceCreated c => new ServiceState(c.Details, c.StaffContacts),
            ServiceChanged c => new ServiceState(c.Details, c.StaffContacts),
            _ => null,
        };
    }

    private static void Expect(long? actual, long expected)
    {
        if (actual is { } version && version != expected)
        {
            throw new CommandRejectedException(Rejection.ChangedMeanwhile);
        }
    }

    private static async Task SaveAsync(IDocumentSession session, CancellationToken cancellation)
    {
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            throw new CommandRejectedException(Rejection.DirectoryIdTaken);
        }
        catch (JasperFx.ConcurrencyException)
        {
            // Another edit of the same entry was saved between reading and writing this one.
            throw new CommandRejectedException(Rejection.ChangedMeanwhile);
        }
    }
}

public enum DirectoryChangeKind
{
    Created,
    Changed,
    Retired,
}

/// <summary>What a service's history compares: its details and its staff-only contacts.</summary>
public sealed record ServiceState(ServiceDetails Details, IReadOnlyList<StaffContact> StaffContacts);

/// <summary>One change of an entry as the history shows it.</summary>
public sealed record DirectoryHistoryEntry(long Version, DirectoryChangeKind Kind, string By, Instant At, IReadOnlyList<DirectoryFieldChange> Changes);
