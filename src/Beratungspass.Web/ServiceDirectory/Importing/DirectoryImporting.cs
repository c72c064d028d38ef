using Beratungspass.ServiceDirectory;
using Beratungspass.ServiceDirectory.Hsds;
using JasperFx;
using Marten;
using NodaTime;

namespace Beratungspass.Web.ServiceDirectory.Importing;

/// <summary>What an import did: its plan (errors, or what was written), or that the directory changed while it ran.</summary>
public sealed record ImportOutcome(ImportPlan Plan, bool ChangedMeanwhile)
{
    public bool Written => Plan.Valid && !ChangedMeanwhile;
}

/// <summary>
/// Imports an HSDS file all or nothing: the file is read and checked against the directory as a whole, and
/// only a file without a single error is written — every stream in one session, with one SaveChanges. Streams
/// the plan changes are held at the version it was made on, so an edit made meanwhile fails the whole import.
/// </summary>
public sealed class DirectoryImporting(IDocumentStore store, IClock clock)
{
    /// <summary>The largest file taken; the Kreis's whole directory is a small fraction of it.</summary>
    public const int MaximumFileBytes = 10 * 1024 * 1024;

    public async Task<ImportOutcome> ImportAsync(ReadOnlyMemory<byte> content, string by, CancellationToken cancellation)
    {
        var file = HsdsImportReader.Read(content);
        await using var session = store.LightweightSession();
        var organizations = await session.Query<DirectoryOrganization>().ToListAsync(cancellation);
        var services = await session.Query<DirectoryService>().ToListAsync(cancellation);
        var plan = HsdsImport.Plan(file, organizations, services, by, clock.GetCurrentInstant());
        if (!plan.Valid || plan.Streams.Count == 0)
        {
            return new ImportOutcome(plan, false);
        }

        foreach (var append in plan.Streams)
        {
            var current = append.IsService
                ? await AppendAsync<DirectoryService>(session, append, s => s.Version, cancellation)
                : await AppendAsync<DirectoryOrganization>(session, append, o => o.Version, cancellation);
            if (!current)
            {
                return new ImportOutcome(plan, true);
            }
        }

        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception e) when (e is ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            return new ImportOutcome(plan, true);
        }

        return new ImportOutcome(plan, false);
    }

    /// <summary>Appends the events; false when the stream is no longer at the version the plan was made on.</summary>
    private static async Task<bool> AppendAsync<T>(IDocumentSession session, ImportAppend append, Func<T, long> version, CancellationToken cancellation)
        where T : class
    {
        if (append.Version is null)
        {
            session.Events.StartStream<T>(append.Key, [.. append.Events]);
            return true;
        }

        var stream = await session.Events.FetchForWriting<T>(append.Key, cancellation);
        if (stream.Aggregate is null || version(stream.Aggregate) != append.Version)
        {
            return false;
        }

        stream.AppendMany(append.Events);
        return true;
    }
}
