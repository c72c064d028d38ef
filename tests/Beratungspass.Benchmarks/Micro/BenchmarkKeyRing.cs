using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;

namespace Beratungspass.Benchmarks.Micro;

/// <summary>
/// Data Protection as the app configures it (application name, AES-256-GCM), with its key ring in memory
/// so no database is needed.
/// </summary>
/// <remarks>
/// Not <c>UseEphemeralDataProtectionProvider()</c>: on Linux the ephemeral provider ignores
/// <c>UseCryptographicAlgorithms</c> and always uses AES-256-CBC + HMACSHA256 (a 116-byte payload instead
/// of 81 for a card), which would measure a different algorithm than the cards use. The key-ring based
/// provider with an in-memory repository runs the same code path as production, minus the database.
/// </remarks>
public sealed class BenchmarkKeyRing : IDisposable
{
    /// <summary>The purposes <see cref="Beratungspass.Tokens.CardTokens"/> uses; <see cref="EnsureSameAsCardTokens"/> checks they match.</summary>
    public static readonly string[] CardTokenPurposes = ["Beratungspass.CardToken", "v1"];

    // AES-256-GCM payload: 4-byte magic + 16-byte key id + 16-byte key modifier + 12-byte nonce + ciphertext + 16-byte tag.
    private const int GcmOverhead = 4 + 16 + 16 + 12 + 16;

    private readonly ServiceProvider services;

    public BenchmarkKeyRing()
    {
        var collection = new ServiceCollection();
        collection.AddDataProtection()
            .SetApplicationName("Beratungspass")
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
                ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
            });
        collection.Configure<KeyManagementOptions>(options => options.XmlRepository = new InMemoryKeyRepository());
        services = collection.BuildServiceProvider();
        Provider = services.GetRequiredService<IDataProtectionProvider>();
        CardTokenProtector = Provider.CreateProtector(CardTokenPurposes[0], CardTokenPurposes[1..]);
    }

    public IDataProtectionProvider Provider { get; }

    /// <summary>A raw protector with the card tokens' purposes: the baseline of token creation and reading.</summary>
    public IDataProtector CardTokenProtector { get; }

    /// <summary>Fails loudly if the baseline would not measure the same algorithm and purposes as the cards.</summary>
    public void EnsureSameAsCardTokens(byte[] payload, byte[] protectedByCardTokens)
    {
        var raw = CardTokenProtector.Protect(payload);
        if (raw.Length != payload.Length + GcmOverhead)
        {
            throw new InvalidOperationException($"Expected an AES-256-GCM payload of {payload.Length + GcmOverhead} bytes, got {raw.Length}.");
        }

        if (!CardTokenProtector.Unprotect(protectedByCardTokens).AsSpan().SequenceEqual(payload))
        {
            throw new InvalidOperationException("The raw protector does not read card tokens: purposes differ from CardTokens.");
        }
    }

    public void Dispose() => services.Dispose();

    private sealed class InMemoryKeyRepository : IXmlRepository
    {
        private readonly List<XElement> elements = [];

        public IReadOnlyCollection<XElement> GetAllElements()
        {
            lock (elements)
            {
                return [.. elements.Select(e => new XElement(e))];
            }
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            lock (elements)
            {
                elements.Add(new XElement(element));
            }
        }
    }
}
