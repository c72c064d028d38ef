using Beratungspass.Tokens.KeyRing;

namespace Beratungspass.Web.Infrastructure.LocalDatabase;

/// <summary>
/// The embedded default: with no <c>ConnectionStrings:Marten</c>, the app starts its own PostgreSQL
/// cluster in the git-ignored <c>.data/</c> folder at the repository root, and stops it when the app
/// stops. With a connection string configured, nothing is started.
/// </summary>
public static class LocalDatabaseSetup
{
    public static void UseLocalDatabaseWhenUnconfigured(this WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Marten")))
        {
            return;
        }

        var dataRoot = builder.Configuration["LocalDatabase:DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(RepositoryRoot(builder.Environment.ContentRootPath), ".data");
        LocalPostgresCluster cluster;
        try
        {
            cluster = LocalPostgresCluster.StartAsync(Path.Combine(dataRoot, "postgres")).GetAwaiter().GetResult();
        }
        catch (LocalPostgresException e)
        {
            Console.Error.WriteLine($"Beratungspass: {e.Message}");
            Environment.Exit(3);
            throw;
        }

        // Stopped however the process ends: host shutdown (Ctrl+C, SIGTERM), a failed start, or exit.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        builder.Services.AddSingleton(cluster);
        builder.Services.AddHostedService<LocalDatabaseLifetime>();
        builder.Configuration["ConnectionStrings:Marten"] = cluster.ConnectionString();

        // A local cluster keeps its own key-encryption key next to its data, unless one is configured.
        if (string.IsNullOrWhiteSpace(builder.Configuration["DataProtection:KeyEncryptionKey"]))
        {
            var keyFile = Path.Combine(dataRoot, "key-encryption-key");
            if (!File.Exists(keyFile))
            {
                File.WriteAllText(keyFile, KeyEncryptionKeys.Generate());
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }

            builder.Configuration["DataProtection:KeyEncryptionKey"] = File.ReadAllText(keyFile).Trim();
        }
    }

    private static string RepositoryRoot(string contentRoot)
    {
        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Beratungspass.sln")))
            {
                return directory.FullName;
            }
        }

        return contentRoot;
    }

    private sealed class LocalDatabaseLifetime(LocalPostgresCluster cluster, ILogger<LocalDatabaseLifetime> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogInformation("Local PostgreSQL cluster running in {DataDirectory}", cluster.DataDirectory);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            cluster.Stop();
            logger.LogInformation("Local PostgreSQL cluster stopped");
            return Task.CompletedTask;
        }
    }
}
