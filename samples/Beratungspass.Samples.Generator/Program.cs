using System.Runtime.InteropServices;
using Beratungspass.Tokens.KeyRing;
using Beratungspass.Web.Infrastructure.LocalDatabase;
using Npgsql;

namespace Beratungspass.Samples.Generator;

/// <summary>Generates a seeded Kreis of fictional passes. See <see cref="GeneratorOptions.Usage"/> and docs/benchmarks.md.</summary>
internal static class GeneratorCli
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["--help"] or ["-h"])
        {
            Console.WriteLine(GeneratorOptions.Usage);
            return 0;
        }

        GeneratorOptions options;
        try
        {
            options = GeneratorOptions.Parse(args);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(GeneratorOptions.Usage);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            Console.Error.WriteLine();
            Console.Error.WriteLine("Stopping after the batches in flight; the database keeps what was committed.");
            stop.Cancel();
        }

        PrivateDatabase? database = null;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => database?.Cluster.Stop();
        try
        {
            string connectionString;
            KeyEncryptionKeys keys;
            if (options.Connection is { } connection)
            {
                var key = Environment.GetEnvironmentVariable("DataProtection__KeyEncryptionKey");
                if (string.IsNullOrWhiteSpace(key))
                {
                    Console.Error.WriteLine("With --connection, set DataProtection__KeyEncryptionKey to the key-encryption key the app runs with: the generator seals the PIN hash with the database's token key ring.");
                    return 2;
                }

                connectionString = connection;
                keys = new KeyEncryptionKeys(key);
            }
            else
            {
                var folder = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), $"bp-gen-{options.Preset}-{options.Seed}-{Guid.NewGuid():N}"[..40]);
                Console.Error.WriteLine($"Starting a private PostgreSQL cluster in {Path.GetFullPath(folder)}/postgres …");
                database = await PrivateDatabase.StartAsync(folder, CancellationToken.None);
                connectionString = database.ConnectionString;
                keys = database.Keys;
            }

            var summary = await KreisGenerator.GenerateAsync(options, connectionString, keys, Console.Error, stop.Token);
            Console.WriteLine(summary.Describe());
            if (database is not null)
            {
                Console.WriteLine($"""

                    The data set is kept in {database.Folder} (cluster stopped). Use it with
                      LocalDatabase__DataDirectory={database.Folder} dotnet run --project src/Beratungspass.Web
                      dotnet run -c Release --project tests/Beratungspass.Benchmarks -- load --suite intake --data-dir {database.Folder}
                    Every generated pass has the PIN {KreisGenerator.Pin}. Remove it with: rm -rf {database.Folder}
                    """);
            }

            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled.");
            return 130;
        }
        catch (Exception e) when (e is LocalPostgresException or InvalidOperationException or NpgsqlException or IOException or InvalidDataException)
        {
            Console.Error.WriteLine($"Generating failed: {e.Message}");
            return 1;
        }
        #pragma warning disable CA1031 // Anything else is a bug: print it whole, and still stop the cluster below.
        catch (Exception e)
        #pragma warning restore CA1031
        {
            Console.Error.WriteLine($"Generating failed: {e}");
            return 1;
        }
        finally
        {
            if (database is not null)
            {
                await database.DisposeAsync();
            }
        }
    }
}
