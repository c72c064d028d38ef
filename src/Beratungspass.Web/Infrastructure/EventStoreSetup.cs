using Beratungspass.Infrastructure;
using Beratungspass.Tokens;
using Beratungspass.Tokens.KeyRing;
using Beratungspass.Web.Passes.Issuing;
using Beratungspass.Web.Passes.Reissuing;
using Marten;
using NodaTime;

namespace Beratungspass.Web.Infrastructure;

public static class EventStoreSetup
{
    /// <summary>Marten on the configured PostgreSQL, the shared Data Protection key ring, the clock and the pass services.</summary>
    public static IServiceCollection AddEventStore(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Marten")
            ?? throw new InvalidOperationException("ConnectionStrings:Marten is not set.");
        services.AddMarten(options => MartenConfiguration.Configure(options, connectionString))
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup();

        var keyEncryptionKey = configuration["DataProtection:KeyEncryptionKey"];
        if (string.IsNullOrWhiteSpace(keyEncryptionKey))
        {
            throw new InvalidOperationException(
                "DataProtection:KeyEncryptionKey is not set: it encrypts the token key ring at rest. " +
                "Set it to 32 random bytes in Base64, e.g. DataProtection__KeyEncryptionKey=$(openssl rand -base64 32).");
        }

        var keys = new KeyEncryptionKeys(keyEncryptionKey, configuration.GetSection("DataProtection:PreviousKeyEncryptionKeys").Get<string[]>());

        // Registered before Data Protection, whose own start-up may otherwise write a key with the wrong key-encryption key.
        services.AddHostedService(sp => new KeyRingGuard(sp.GetRequiredService<IDocumentStore>(), keys));
        services.AddBeratungspassDataProtection(keys);
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton<CardTokenResolver>();
        services.AddScoped<PassIssuing>();
        services.AddScoped<CardReissuing>();
        services.AddSingleton<Beratungspass.Passes.Pins.PinChecks>();
        services.AddScoped<Intake.IntakeDesk>();
        services.AddScoped<Referrals.ReferralDesk>();
        services.Configure<Referrals.Notifying.NotificationOptions>(configuration.GetSection(Referrals.Notifying.NotificationOptions.Section));
        services.AddSingleton<Referrals.Notifying.NotificationMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<Referrals.Notifying.NotificationMailer>());
        services.AddSingleton<Beratungspass.ServiceDirectory.DirectoryCatalog>();
        services.AddScoped<ServiceDirectory.Editing.DirectoryEditing>();
        services.AddScoped<ServiceDirectory.Importing.DirectoryImporting>();
        return services;
    }

    private sealed class KeyRingGuard(IDocumentStore store, KeyEncryptionKeys keys) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => KeyRingCheck.EnsureReadableAsync(store, keys, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
