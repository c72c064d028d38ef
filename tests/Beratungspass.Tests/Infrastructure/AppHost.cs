using System.Net;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Beratungspass.Tests.Infrastructure;

/// <summary>
/// The real app on a loopback port (Kestrel, real HTTP) against its own database in the test cluster,
/// with the demo institutions, accounts and passes loaded. One per test class.
/// </summary>
public class AppHost : IAsyncLifetime
{
    /// <summary>Fixed key-encryption key for the test key ring; tests of a foreign key ring use another.</summary>
    public const string TestKeyEncryptionKey = "dGVzdC1rZXktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=";

    private readonly TestPostgres postgres;
    private Factory? factory;

    public AppHost(TestPostgres postgres) => this.postgres = postgres;

    public string ConnectionString { get; private set; } = "";

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => factory!.BaseAddress;

    public IServiceProvider Services => factory!.Services;

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public virtual async ValueTask InitializeAsync()
    {
        ConnectionString = await postgres.NewDatabaseAsync(GetType().Name);
        factory = Start(ConnectionString, TestKeyEncryptionKey, Settings, ConfigureServices);
    }

    /// <summary>Settings a test class needs on top of the defaults, e.g. an identity provider's address.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Services a test class replaces, e.g. the clock, so lockouts can run out without waiting.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Starts another app host on the given database, e.g. a second node sharing the key ring.</summary>
    public static Factory Start(string connectionString, string keyEncryptionKey, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var factory = new Factory(connectionString, keyEncryptionKey, settings, services);
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see what a browser is told.</summary>
    public HttpClient Client() => factory!.Client();

    /// <summary>A client signed in with a demo account (see samples/demo/accounts.json).</summary>
    public async Task<HttpClient> SignedInAsync(string user = "berater.awo", string password = "Demo-Beratung-2026")
    {
        var client = Client();
        await SignInAsync(client, user, password);
        return client;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<HttpClient>>> desks = new();

    /// <summary>
    /// A client signed in with a demo account, shared by the tests of this host: signing in hashes the
    /// password, which tests that only need someone at a desk should not pay for each time. Disposed with the host.
    /// </summary>
    public Task<HttpClient> DeskAsync(string user = "berater.awo", string password = "Demo-Beratung-2026") =>
        desks.GetOrAdd(user, _ => new Lazy<Task<HttpClient>>(() => SignedInAsync(user, password))).Value;

    public static async Task SignInAsync(HttpClient client, string user, string password)
    {
        var form = await client.GetStringAsync("/sign-in");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = user,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {user} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var desk in desks.Values.Where(d => d.IsValueCreated && d.Value.IsCompletedSuccessfully))
        {
            desk.Value.Result.Dispose();
        }

        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    public sealed class Factory(string connectionString, string keyEncryptionKey, IDictionary<string, string?>? settings, Action<IServiceCollection>? services = null)
        : WebApplicationFactory<Program>
    {
        public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

        /// <summary>A client that keeps cookies and does not follow redirects, so tests see what a browser is told.</summary>
        public HttpClient Client() =>
            new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Marten", connectionString);
            builder.UseSetting("DataProtection:KeyEncryptionKey", keyEncryptionKey);
            builder.UseSetting("DemoData:Load", "true");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }

            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        }
    }
}
