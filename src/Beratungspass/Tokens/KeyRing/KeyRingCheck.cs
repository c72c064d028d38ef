using System.Xml.Linq;
using Marten;

namespace Beratungspass.Tokens.KeyRing;

/// <summary>
/// Refuses a node whose key-encryption key cannot read the shared key ring. Without this check such a
/// node would add a key of its own that no other node can decrypt, and print cards nobody else can scan.
/// </summary>
public static class KeyRingCheck
{
    /// <summary>The fingerprints of key-encryption keys the ring was written with but this node does not have.</summary>
    public static async Task<IReadOnlyList<string>> UnknownKeyEncryptionKeysAsync(IDocumentStore store, KeyEncryptionKeys keys, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var stored = await session.Query<DataProtectionKey>().ToListAsync(cancellation);
        var known = keys.All.Select(k => k.Fingerprint).ToHashSet(StringComparer.Ordinal);
        return [.. stored
            .SelectMany(key => XElement.Parse(key.Xml).Descendants(AesGcmXmlEncryptor.Namespace + "encryptedKey"))
            .Select(element => (string?)element.Attribute("kek") ?? "")
            .Where(fingerprint => !known.Contains(fingerprint))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    public static async Task EnsureReadableAsync(IDocumentStore store, KeyEncryptionKeys keys, CancellationToken cancellation)
    {
        var unknown = await UnknownKeyEncryptionKeysAsync(store, keys, cancellation);
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The token key ring in this database was encrypted with key-encryption key(s) {string.Join(", ", unknown)}, " +
                $"but this node has only {string.Join(", ", keys.All.Select(k => k.Fingerprint))}. " +
                "Configure the same DataProtection:KeyEncryptionKey as the other nodes (older ones under DataProtection:PreviousKeyEncryptionKeys). " +
                "The node does not start, so it cannot add keys the other nodes cannot read.");
        }
    }
}
