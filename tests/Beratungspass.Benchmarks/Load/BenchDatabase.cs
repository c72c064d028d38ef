using Beratungspass.Samples.Generator;
using Beratungspass.Tokens.KeyRing;
using Beratungspass.Web.Infrastructure.LocalDatabase;

namespace Beratungspass.Benchmarks.Load;

/// <summary>
/// The database a load run measures on, and what happens to it afterwards: a fresh private cluster is
/// removed at the end; a generated data set named with <c>--data-dir</c> is stopped and kept; a database
/// named with <c>--connection</c> is left alone.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly LocalPostgresCluster? cluster;
    private readonly string? removeAtEnd;

    private BenchDatabase(string connectionString, string keyEncryptionKey, LocalPostgresCluster? cluster, string? removeAtEnd, string description)
    {
        BaseConnectionString = connectionString;
        ConnectionString = connectionString;
        KeyEncryptionKey = keyEncryptionKey;
        this.cluster = cluster;
        this.removeAtEnd = removeAtEnd;
        Description = description;
    }

    /// <summary>What app and baselines connect with: the database's connection string plus <see cref="LoadOptions.NpgsqlSettings"/>.</summary>
    public string ConnectionString { get; private set; }

    private string BaseConnectionString { get; }

    /// <summary>The key-encryption key (Base64) of the database's token key ring, which the app must run with.</summary>
    public string KeyEncryptionKey { get; }

    /// <summary>Measures the CPU time of this process and of the cluster this run started (none for a database named with --connection).</summary>
    public CpuMeter Cpu => new(CpuMeter.PostmasterPid(cluster?.DataDirectory));

    /// <summary>One line for the report: where the data came from.</summary>
    public string Description { get; }

    /// <summary>
    /// Opens the database for a run. Not cancellable while a cluster starts (a half-started server would be
    /// left running); the caller checks the signal right after.
    /// </summary>
    public static async Task<BenchDatabase> OpenAsync(LoadOptions options, CancellationToken cancellation)
    {
        var database = await OpenDatabaseAsync(options, cancellation);
        if (!string.IsNullOrWhiteSpace(options.NpgsqlSettings))
        {
            database.ConnectionString = database.BaseConnectionString.TrimEnd(';') + ";" + options.NpgsqlSettings;
        }

        return database;
    }

    private static async Task<BenchDatabase> OpenDatabaseAsync(LoadOptions options, CancellationToken cancellation)
    {
        if (options.Suite is LoadSuiteKind.Issuing or LoadSuiteKind.Directory or LoadSuiteKind.Referrals)
        {
            var folder = FreshFolder("bp-bench");
            Console.Error.WriteLine($"Starting a private PostgreSQL cluster in {folder} …");
            var fresh = await LocalPostgresCluster.StartAsync(folder, CancellationToken.None);
            var database = new BenchDatabase(fresh.ConnectionString("bench"), KeyEncryptionKeys.Generate(), fresh, folder, "an empty database");
            await database.PrepareOrDisposeAsync(async () =>
            {
                cancellation.ThrowIfCancellationRequested();
                await fresh.CreateDatabaseAsync("bench", cancellation);
            });
            return database;
        }

        if (options.Connection is { } connection)
        {
            var key = Environment.GetEnvironmentVariable("DataProtection__KeyEncryptionKey");
            return string.IsNullOrWhiteSpace(key)
                ? throw new InvalidOperationException("With --connection, set DataProtection__KeyEncryptionKey to the key the data set was generated with.")
                : new BenchDatabase(connection, key, null, null, "the database named with --connection");
        }

        if (options.DataDirectory is { } directory)
        {
            if (!Directory.Exists(Path.Combine(directory, "postgres")))
            {
                throw new InvalidOperationException($"{directory} holds no generated data set (no postgres folder).");
            }

            Console.Error.WriteLine($"Starting the generated data set's cluster in {Path.GetFullPath(directory)}/postgres …");
            var kept = await PrivateDatabase.StartAsync(directory, CancellationToken.None);
            return new BenchDatabase(kept.ConnectionString, kept.KeyEncryptionKey, kept.Cluster, null, $"the data set in {Path.GetFullPath(directory)}");
        }

        var generated = FreshFolder("bp-intake");
        Console.Error.WriteLine($"Starting a private PostgreSQL cluster in {generated}/postgres and generating the {options.Preset} preset …");
        var target = await PrivateDatabase.StartAsync(generated, CancellationToken.None);
        var result = new BenchDatabase(target.ConnectionString, target.KeyEncryptionKey, target.Cluster, generated, $"the {options.Preset} preset, generated for this run");
        var preset = options.Preset == "large" ? GeneratorOptions.Large : GeneratorOptions.Kreis;
        await result.PrepareOrDisposeAsync(async () =>
        {
            var summary = await KreisGenerator.GenerateAsync(preset, target.ConnectionString, target.Keys, Console.Error, cancellation);
            Console.Error.WriteLine(summary.Describe());
        });
        return result;
    }

    /// <summary>Runs a set-up step; if it fails or is cancelled, the cluster is stopped and a fresh folder removed before the exception goes on.</summary>
    private async Task PrepareOrDisposeAsync(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the cluster this run started (at once, also from a process-exit handler).</summary>
    public void Stop() => cluster?.Stop();

    public ValueTask DisposeAsync()
    {
        Stop();
        if (removeAtEnd is not null)
        {
            TryDelete(removeAtEnd);
        }

        return ValueTask.CompletedTask;
    }

    private static string FreshFolder(string prefix) =>
        Path.Combine(Path.GetTempPath(), $"{prefix}-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"Could not remove {folder}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            Console.Error.WriteLine($"Could not remove {folder}: {e.Message}");
        }
    }
}
