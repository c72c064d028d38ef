using Beratungspass.Web.Infrastructure.LocalDatabase;

[assembly: AssemblyFixture(typeof(Beratungspass.Tests.Infrastructure.TestPostgres))]

namespace Beratungspass.Tests.Infrastructure;

/// <summary>
/// One private PostgreSQL cluster per test run, started the same way <c>dotnet run</c> starts its own,
/// in a fresh temporary folder; each test class gets its own database in it.
/// </summary>
public sealed class TestPostgres : IAsyncLifetime
{
    private static int databaseCounter;

    public LocalPostgresCluster Cluster { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"bp-tests-{Environment.ProcessId}-{Guid.NewGuid():N}"[..30]);
        Cluster = await LocalPostgresCluster.StartAsync(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Cluster.Stop();
    }

    public async ValueTask DisposeAsync()
    {
        var folder = Cluster.DataDirectory;
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A folder left in /tmp is harmless; the next run uses a new one.
        }
    }

    /// <summary>Creates an empty database for one test class and returns its connection string.</summary>
    public async Task<string> NewDatabaseAsync(string owner)
    {
        var name = $"t{Interlocked.Increment(ref databaseCounter)}_{new string(owner.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant()}";
        name = name.Length > 60 ? name[..60] : name;
        await Cluster.CreateDatabaseAsync(name);
        return Cluster.ConnectionString(name);
    }
}
