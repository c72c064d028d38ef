using Beratungspass.Infrastructure;
using Beratungspass.Passes;
using Marten;

namespace Beratungspass.Tests.Infrastructure;

/// <summary>
/// The app's event store configuration alone (no web host) on its own database: appends "given events"
/// and answers what Marten's inline projections made of them. One per test class; tests of a class run
/// one after another, so each fold starts from an empty store.
/// </summary>
public sealed class ProjectionStore(TestPostgres postgres) : IAsyncLifetime
{
    private DocumentStore? store;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await postgres.NewDatabaseAsync(nameof(ProjectionStore));
        store = DocumentStore.For(options => MartenConfiguration.Configure(options, connectionString));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    /// <summary>Starts the pass stream with these events (the first names the pass) and loads the projected history and snapshot.</summary>
    public async Task<(PassHistory History, Pass Pass)> FoldAsync(params object[] events)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var passId = ((PassIssued)events[0]).PassId;
        await store!.Advanced.Clean.DeleteAllEventDataAsync(cancellation);
        await store.Advanced.Clean.DeleteAllDocumentsAsync(cancellation);
        await using var session = store.LightweightSession();
        session.Events.StartStream<Pass>(passId, events);
        await session.SaveChangesAsync(cancellation);
        return ((await session.LoadAsync<PassHistory>(passId, cancellation))!, (await session.LoadAsync<Pass>(passId, cancellation))!);
    }

    public async ValueTask DisposeAsync()
    {
        store?.Dispose();
        await Task.CompletedTask;
    }
}
