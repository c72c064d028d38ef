using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Beratungspass.Tokens.KeyRing;

public static class DataProtectionSetup
{
    /// <summary>
    /// Data Protection with its key ring in PostgreSQL, encrypted at rest, shared by every node that uses
    /// the same database and application name. AES-256-GCM keeps card tokens short.
    /// </summary>
    public static IServiceCollection AddBeratungspassDataProtection(this IServiceCollection services, KeyEncryptionKeys keys)
    {
        services.AddSingleton(keys);
        services.AddDataProtection()
            .SetApplicationName("Beratungspass")
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
                ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
            });
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            options.XmlRepository = new MartenXmlRepository(sp.GetRequiredService<IDocumentStore>());
            options.XmlEncryptor = new AesGcmXmlEncryptor(keys);
        }));
        services.AddSingleton<CardTokens>();
        services.AddSingleton<Passes.Pins.PinVault>();
        services.AddSingleton<Passes.Presence.PresenceTokens>();
        return services;
    }
}
