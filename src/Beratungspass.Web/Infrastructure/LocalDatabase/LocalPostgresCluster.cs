using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Beratungspass.Web.Infrastructure.LocalDatabase;

/// <summary>
/// A private PostgreSQL cluster in a folder the project owns: created with initdb on first use, started
/// with pg_ctl on a free port, reachable only through a unix socket in that folder, stopped on dispose.
/// Used by <c>dotnet run</c> and <c>dotnet test</c> when no connection string is configured.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private const string DebianRoot = "/usr/lib/postgresql";

    private readonly string binDirectory;
    private readonly bool runAsServiceUser;
    private int stopped;

    private LocalPostgresCluster(string dataDirectory, string binDirectory, bool runAsServiceUser, int port)
    {
        DataDirectory = dataDirectory;
        this.binDirectory = binDirectory;
        this.runAsServiceUser = runAsServiceUser;
        Port = port;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = DataDirectory,
        Port = Port,
        Username = ServiceUser,
        Database = database,
        Pooling = true,
        MaxPoolSize = 100,
    }.ConnectionString;

    /// <summary>Creates the cluster if the folder holds none, then starts it. Throws <see cref="LocalPostgresException"/> with one clear line when that is impossible.</summary>
    public static Task<LocalPostgresCluster> StartAsync(string dataDirectory, CancellationToken cancellation = default) =>
        StartAsync(dataDirectory, Environment.GetEnvironmentVariable("PATH")?.Split(':') ?? [], DebianRoot, cancellation);

    /// <summary>As <see cref="StartAsync(string, CancellationToken)"/>, searching the given folders for the binaries instead of PATH and <c>/usr/lib/postgresql</c>.</summary>
    internal static async Task<LocalPostgresCluster> StartAsync(string dataDirectory, IReadOnlyList<string> searchPath, string debianRoot, CancellationToken cancellation)
    {
        var bin = FindBinDirectory(searchPath, debianRoot) ?? throw new LocalPostgresException(
            $"PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or in {debianRoot}/*/bin: " +
            "install them (Debian/Ubuntu: `sudo apt-get install postgresql`), or set ConnectionStrings__Marten to use an existing server.");

        dataDirectory = Path.GetFullPath(dataDirectory);
        if (dataDirectory.Length > 90)
        {
            // The socket path (folder + "/.s.PGSQL.NNNNN") must fit into the 107 bytes of sockaddr_un.
            throw new LocalPostgresException($"The local database folder path is too long for a unix socket ({dataDirectory.Length} characters, at most 90): {dataDirectory}");
        }

        var asServiceUser = Environment.UserName == "root";
        Directory.CreateDirectory(dataDirectory);
        if (asServiceUser)
        {
            await RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", dataDirectory], cancellation);
        }

        var cluster = new LocalPostgresCluster(dataDirectory, bin, asServiceUser, FreePort());
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await cluster.PostgresToolAsync("initdb", ["-D", dataDirectory, "-A", "trust", "-U", ServiceUser, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], cancellation);
        }

        // A cluster left running by an app that was killed is stopped first, so this process owns it.
        if (File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
        {
            await cluster.PostgresToolAsync("pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], cancellation, allowFailure: true);
        }

        var options = $"-p {cluster.Port} -k {dataDirectory} -c listen_addresses='' -c max_connections=200 -c shared_buffers=256MB -c fsync=on";
        await cluster.PostgresToolAsync("pg_ctl", ["-D", dataDirectory, "-l", Path.Combine(dataDirectory, "server.log"), "-o", options, "-w", "-t", "60", "start"], cancellation);
        return cluster;
    }

    public async Task CreateDatabaseAsync(string name, CancellationToken cancellation = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "", StringComparison.Ordinal)}\"", connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    /// <summary>Stops the server at once (fast shutdown: sessions end, committed data stays).</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        PostgresToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "30", "stop"], CancellationToken.None, allowFailure: true)
            .GetAwaiter().GetResult();
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    /// <summary>Starts a cluster that was stopped with <see cref="Stop"/> again on the same port (used by fault tests).</summary>
    public async Task RestartAsync(CancellationToken cancellation = default)
    {
        var options = $"-p {Port} -k {DataDirectory} -c listen_addresses='' -c max_connections=200 -c shared_buffers=256MB";
        await PostgresToolAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-o", options, "-w", "-t", "60", "start"], cancellation);
        Interlocked.Exchange(ref stopped, 0);
    }

    private Task PostgresToolAsync(string tool, string[] arguments, CancellationToken cancellation, bool allowFailure = false)
    {
        var executable = Path.Combine(binDirectory, tool);
        return runAsServiceUser
            ? RunAsync("runuser", ["-u", ServiceUser, "--", executable, .. arguments], cancellation, allowFailure)
            : RunAsync(executable, arguments, cancellation, allowFailure);
    }

    private static async Task RunAsync(string fileName, string[] arguments, CancellationToken cancellation, bool allowFailure = false)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new LocalPostgresException($"Could not start {fileName}.");
        // pg_ctl hands its output handles to the server it starts, so read to the process exit, not to end of stream.
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0 && !allowFailure)
        {
            var finished = await Task.WhenAny(Task.WhenAll(output, error), Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
            var message = error.IsCompletedSuccessfully ? error.Result.Trim() : "";
            throw new LocalPostgresException($"{Path.GetFileName(fileName)} {string.Join(' ', arguments.Take(4))} failed with exit code {process.ExitCode}: {message}");
        }
    }

    private static string? FindBinDirectory(IReadOnlyList<string> searchPath, string debianRoot)
    {
        foreach (var directory in searchPath.Where(d => d.Length > 0))
        {
            if (File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")))
            {
                // Debian's /usr/bin/pg_ctl* are wrapper scripts for clusters it manages; use the real binaries beside initdb.
                var resolved = new FileInfo(Path.Combine(directory, "initdb")).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
                return resolved is null ? directory : Path.GetDirectoryName(resolved);
            }
        }

        if (!Directory.Exists(debianRoot))
        {
            return null;
        }

        return Directory.GetDirectories(debianRoot)
            .Select(d => (Directory: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Directory, "initdb")) && File.Exists(Path.Combine(d.Directory, "pg_ctl")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Directory)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class LocalPostgresException(string message) : Exception(message);
