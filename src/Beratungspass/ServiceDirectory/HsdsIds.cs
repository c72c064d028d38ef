using System.Security.Cryptography;
using System.Text;

namespace Beratungspass.ServiceDirectory;

/// <summary>
/// HSDS identifies everything by UUID. Entries created here get a name-based UUID (RFC 9562 version 5)
/// derived from their slug and kind, so the sample directory and its exports are the same on every machine;
/// imported entries keep the UUID they came with.
/// </summary>
public static class HsdsIds
{
    /// <summary>The namespace of the project's name-based UUIDs (itself a version 5 UUID of the URL namespace and "beratungspass").</summary>
    public static readonly Guid Namespace = NameBased(new Guid("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://beratungspass.example/hsds");

    public static Guid Organization(string organizationId) => NameBased(Namespace, "organization/" + organizationId);

    public static Guid Service(string serviceId) => NameBased(Namespace, "service/" + serviceId);

    public static Guid TaxonomyTerm(string topicCode) => NameBased(Namespace, "taxonomy_term/" + topicCode);

    public static Guid Taxonomy { get; } = NameBased(Namespace, "taxonomy/beratungspass-topics");

    /// <summary>A part of an entry (location, phone, schedule …), numbered within it.</summary>
    public static Guid Part(Guid owner, string kind, int index) => NameBased(owner, $"{kind}/{index}");

    /// <summary>Links and attributes that HSDS gives an id of their own, derived from the two ids they connect.</summary>
    public static Guid Link(Guid from, Guid to, string kind) => NameBased(from, $"{kind}/{to:D}");

    public static Guid NameBased(Guid namespaceId, string name)
    {
        Span<byte> bytes = stackalloc byte[16];
        namespaceId.TryWriteBytes(bytes, bigEndian: true, out _);
        var input = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        bytes.CopyTo(input);
        Encoding.UTF8.GetBytes(name, input.AsSpan(16));
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5 UUIDs; it is not used for security here
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
