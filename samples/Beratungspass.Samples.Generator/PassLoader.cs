using Beratungspass.Passes;
using Beratungspass.Passes.Pins;
using Beratungspass.Referrals;
using JasperFx.Events;
using Marten;
using Npgsql;
using Weasel.Core;

namespace Beratungspass.Samples.Generator;

/// <summary>The two ways generated passes reach the database, both through Marten.</summary>
public static class PassLoader
{
    /// <summary>
    /// <c>StartStream</c> for a batch of passes per session, several sessions saving at once. Marten runs the
    /// inline projections (<see cref="Pass"/>, <see cref="PassCard"/>, <see cref="PassHistory"/>) in the same
    /// transaction, exactly as when the app appends; the PIN documents go in the same session.
    /// </summary>
    public static async Task<EventCounts> SessionsAsync(
        IDocumentStore store, IReadOnlyList<PassPlan> plans, PassStory story, string sealedPinHash,
        int batchSize, int parallelism, ProgressBar progress, CancellationToken cancellation)
    {
        var counts = EventCounts.Zero;
        var gate = new Lock();
        await Parallel.ForEachAsync(plans.Chunk(batchSize), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellation },
            async (chunk, ct) =>
            {
                var told = chunk.Select(story.Tell).ToList();
                await using var session = store.LightweightSession();
                foreach (var pass in told)
                {
                    session.Events.StartStream<Pass>(pass.PassId, [.. pass.Events]);
                    session.Insert(new PassPin { Id = pass.PassId, Hash = sealedPinHash });
                }

                await session.SaveChangesAsync(ct);
                var batch = told.Aggregate(EventCounts.Zero, (sum, p) => sum + p.Counts);
                lock (gate)
                {
                    counts += batch;
                }

                progress.Add(told.Count, batch.Total);
            });
        return counts;
    }

    /// <summary>
    /// Marten's COPY-based <c>BulkInsertEventsAsync</c> for the events (no inline projections run there) and
    /// <c>BulkInsertAsync</c> for the PIN documents; the projections are then rebuilt by Marten's own
    /// projection daemon, so the documents come from the same projection code as in the app.
    /// </summary>
    public static async Task<EventCounts> CopyEventsAsync(
        DocumentStore store, IReadOnlyList<PassPlan> plans, PassStory story, string sealedPinHash,
        int batchSize, ProgressBar progress, CancellationToken cancellation)
    {
        var counts = EventCounts.Zero;
        var registry = (IEventRegistry)store.Options.Events;
        foreach (var chunk in plans.Chunk(batchSize))
        {
            var told = chunk.Select(story.Tell).ToList();
            var actions = told.Select(pass =>
            {
                var action = StreamAction.Start(registry, pass.PassId, [.. pass.Events]);
                action.AggregateType = typeof(Pass);
                return action;
            }).ToList();
            await store.BulkInsertEventsAsync(actions, 10_000, cancellation);
            await store.BulkInsertAsync(told.Select(p => new PassPin { Id = p.PassId, Hash = sealedPinHash }).ToList(), BulkInsertMode.InsertsOnly, 10_000, cancellation);
            var batch = told.Aggregate(EventCounts.Zero, (sum, p) => sum + p.Counts);
            counts += batch;
            progress.Add(told.Count, batch.Total);
        }

        return counts;
    }

    /// <summary>Referral streams: in sessions (the referral card projected inline) or by COPY (projected by the rebuild after).</summary>
    public static async Task ReferralsAsync(
        DocumentStore store, IReadOnlyList<ReferralEvents> referrals, LoadMode mode, int batchSize, ProgressBar progress, CancellationToken cancellation)
    {
        var registry = (IEventRegistry)store.Options.Events;
        foreach (var chunk in referrals.Chunk(batchSize))
        {
            if (mode == LoadMode.Copy)
            {
                var actions = chunk.Select(r =>
                {
                    var action = StreamAction.Start(registry, ReferralStreams.Key(r.ReferralId), [.. r.Events]);
                    action.AggregateType = typeof(Referral);
                    return action;
                }).ToList();
                await store.BulkInsertEventsAsync(actions, 10_000, cancellation);
            }
            else
            {
                await using var session = store.LightweightSession();
                foreach (var referral in chunk)
                {
                    session.Events.StartStream<Referral>(ReferralStreams.Key(referral.ReferralId), [.. referral.Events]);
                }

                await session.SaveChangesAsync(cancellation);
            }

            progress.Add(chunk.Length, chunk.Sum(r => r.Events.Count));
        }
    }

    /// <summary>Rebuilds the three inline projections from the events with Marten's projection daemon.</summary>
    public static async Task RebuildProjectionsAsync(DocumentStore store, string connectionString, long events, CancellationToken cancellation)
    {
        using var daemon = await store.BuildProjectionDaemonAsync();
        foreach (var name in store.Options.Projections.All.Select(p => p.Name))
        {
            using var progress = new ProgressBar($"rebuild {name,-14}", events, "events");
            using var polling = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var poll = PollProgressAsync(connectionString, name, progress, polling.Token);
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromHours(1), cancellation);
            await polling.CancelAsync();
            await poll;
            progress.Set(events);
        }
    }

    private static async Task PollProgressAsync(string connectionString, string projection, ProgressBar progress, CancellationToken cancellation)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellation);
            for (var i = 0; i < 100_000 && !cancellation.IsCancellationRequested; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
                await using var command = new NpgsqlCommand(
                    $"SELECT coalesce(max(last_seq_id), 0) FROM {Infrastructure.MartenConfiguration.SchemaName}.mt_event_progression WHERE name LIKE $1", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = projection + ":%" });
                progress.Set(Convert.ToInt64(await command.ExecuteScalarAsync(cancellation), System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The rebuild finished.
        }
    }
}
