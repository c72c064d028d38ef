using Beratungspass.Web.Infrastructure.LocalDatabase;
using Npgsql;

namespace Beratungspass.Tests.Infrastructure.LocalDatabase;

/// <summary>The embedded PostgreSQL that <c>dotnet run</c> starts when no connection string is configured.</summary>
public sealed class LocalPostgresClusterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), $"bp-local-{Guid.NewGuid():N}"[..20]);

    [Fact]
    public async Task Without_PostgreSQL_binaries_the_error_says_what_to_install_and_nothing_is_created()
    {
        var folder = NewFolder();

        var error = await Assert.ThrowsAsync<LocalPostgresException>(() =>
            LocalPostgresCluster.StartAsync(folder, ["/nonexistent/bin", ""], "/nonexistent/postgresql", Ct));

        Assert.Contains("initdb", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Marten", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task A_data_folder_too_long_for_a_unix_socket_is_refused_with_its_length()
    {
        var folder = Path.Combine(Path.GetTempPath(), new string('d', 100));

        var error = await Assert.ThrowsAsync<LocalPostgresException>(() => LocalPostgresCluster.StartAsync(folder, Ct));

        Assert.Contains("too long", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Data_survives_stopping_and_starting_the_cluster_on_the_same_folder()
    {
        var folder = NewFolder();
        try
        {
            // First start finds the binaries under the Debian root only; the second one through PATH.
            await using (var first = await LocalPostgresCluster.StartAsync(folder, ["/nonexistent/bin"], "/usr/lib/postgresql", Ct))
            {
                await first.CreateDatabaseAsync("kept", Ct);
                await Sql.ExecuteAsync(first.ConnectionString("kept"), "CREATE TABLE visits (town text); INSERT INTO visits VALUES ('Bergkamen'), ('Fröndenberg/Ruhr')");
                first.Stop();
                await using var refused = new NpgsqlConnection(first.ConnectionString("kept"));
                await Assert.ThrowsAnyAsync<NpgsqlException>(() => refused.OpenAsync(Ct));
            }

            await using var second = await LocalPostgresCluster.StartAsync(folder, Ct);
            var towns = await Sql.TextsAsync(second.ConnectionString("kept"), "SELECT town FROM visits ORDER BY town");

            Assert.Equal(["Bergkamen", "Fröndenberg/Ruhr"], towns);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
