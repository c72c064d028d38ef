using Beratungspass.Tokens.KeyRing;
using Beratungspass.Web.Infrastructure.LocalDatabase;

namespace Beratungspass.Samples.Generator;

/// <summary>
/// A generated data set in a folder of its own, laid out as the app's embedded default expects it: the
/// cluster in <c>DIR/postgres</c>, the key-encryption key of its token key ring in <c>DIR/key-encryption-key</c>.
/// So <c>LocalDatabase__DataDirectory=DIR dotnet run --project src/Beratungspass.Web</c> opens the generated passes.
/// </summary>
public sealed class PrivateDatabase : IAsyncDisposable
{
    private PrivateDatabase(string folder, LocalPostgresCluster cluster, string keyEncryptionKey)
    {
        Folder = folder;
        Cluster = cluster;
        KeyEncryptionKey = keyEncryptionKey;
        Keys = new KeyEncryptionKeys(keyEncryptionKey);
    }

    public string Folder { get; }

    public LocalPostgresCluster Cluster { get; }

    /// <summary>The key-encryption key (Base64) the app must be configured with to read this data set's key ring.</summary>
    public string KeyEncryptionKey { get; }

    public KeyEncryptionKeys Keys { get; }

    /// <summary>The database the app uses on its embedded cluster.</summary>
    public string ConnectionString => Cluster.ConnectionString();

    /// <summary>Starts the cluster in <paramref name="folder"/>, creating cluster and key first if the folder holds none.</summary>
    public static async Task<PrivateDatabase> StartAsync(string folder, CancellationToken cancellation)
    {
        folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(folder);
        var keyFile = Path.Combine(folder, "key-encryption-key");
        if (!File.Exists(keyFile))
        {
            await File.WriteAllTextAsync(keyFile, KeyEncryptionKeys.Generate(), CancellationToken.None);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        var key = (await File.ReadAllTextAsync(keyFile, cancellation)).Trim();
        var cluster = await LocalPostgresCluster.StartAsync(Path.Combine(folder, "postgres"), cancellation);
        return new PrivateDatabase(folder, cluster, key);
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
