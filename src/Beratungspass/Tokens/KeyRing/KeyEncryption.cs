using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Beratungspass.Tokens.KeyRing;

/// <summary>
/// The key-encryption keys from configuration: the current one encrypts new Data Protection keys, older
/// ones still decrypt keys written before a rotation of the key-encryption key.
/// </summary>
public sealed class KeyEncryptionKeys
{
    public KeyEncryptionKeys(string current, IEnumerable<string>? previous = null)
    {
        Current = Parse(current, "DataProtection:KeyEncryptionKey");
        All = [Current, .. (previous ?? []).Select(k => Parse(k, "DataProtection:PreviousKeyEncryptionKeys"))];
    }

    public KeyEncryptionKey Current { get; }

    public IReadOnlyList<KeyEncryptionKey> All { get; }

    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static KeyEncryptionKey Parse(string base64, string setting)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{setting} must be 32 random bytes in Base64 (e.g. from `openssl rand -base64 32`).");
        }

        if (bytes.Length != 32)
        {
            throw new InvalidOperationException($"{setting} must be 32 random bytes in Base64 (e.g. from `openssl rand -base64 32`), not {bytes.Length} bytes.");
        }

        return new KeyEncryptionKey(bytes);
    }
}

public sealed class KeyEncryptionKey(byte[] key)
{
    internal byte[] Key { get; } = key;

    /// <summary>A short public fingerprint, stored beside each encrypted key to pick the right key-encryption key.</summary>
    public string Fingerprint { get; } = Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 6));
}

/// <summary>Encrypts each Data Protection key with AES-256-GCM before it is written to the database.</summary>
public sealed class AesGcmXmlEncryptor(KeyEncryptionKeys keys) : IXmlEncryptor
{
    internal static readonly XNamespace Namespace = "urn:beratungspass:key-ring:v1";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var kek = keys.Current;
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(kek.Key, tag.Length))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData(kek));
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(Namespace + "encryptedKey",
            new XAttribute("kek", kek.Fingerprint),
            new XAttribute("nonce", Convert.ToBase64String(nonce)),
            new XAttribute("tag", Convert.ToBase64String(tag)),
            Convert.ToBase64String(ciphertext));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }

    internal static byte[] AssociatedData(KeyEncryptionKey kek) => Encoding.ASCII.GetBytes("Beratungspass key ring " + kek.Fingerprint);
}

/// <summary>Created by Data Protection through its service provider whenever it reads the key ring.</summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var keys = services.GetRequiredService<KeyEncryptionKeys>();
        var fingerprint = (string?)encryptedElement.Attribute("kek");
        var kek = keys.All.FirstOrDefault(k => k.Fingerprint == fingerprint)
            ?? throw new CryptographicException(
                $"The key ring holds a key encrypted with key-encryption key {fingerprint}, which is not configured. " +
                "Add it to DataProtection:PreviousKeyEncryptionKeys.");

        var nonce = Convert.FromBase64String((string?)encryptedElement.Attribute("nonce") ?? "");
        var tag = Convert.FromBase64String((string?)encryptedElement.Attribute("tag") ?? "");
        var ciphertext = Convert.FromBase64String(encryptedElement.Value);
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(kek.Key, tag.Length))
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext, AesGcmXmlEncryptor.AssociatedData(kek));
        }

        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
