using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Beratungspass.Benchmarks.Load;

/// <summary>
/// The real app, in-process on Kestrel at a loopback port, as in production (environment "Production",
/// warnings only in the log) but with the demo accounts loaded so the runner can sign in.
/// </summary>
public sealed partial class BenchmarkApp(string connectionString, string keyEncryptionKey) : WebApplicationFactory<Program>
{
    /// <param name="keyEncryptionKey">The key of the database's token key ring: a fresh one for an empty database, the generator's for a generated data set.</param>
    public static BenchmarkApp Start(string connectionString, string keyEncryptionKey)
    {
        var app = new BenchmarkApp(connectionString, keyEncryptionKey);
        app.UseKestrel(0);
        app.StartServer();
        if (!app.BaseAddress.IsLoopback)
        {
            throw new InvalidOperationException($"The app listens on {app.BaseAddress}, not on loopback.");
        }

        return app;
    }

    /// <summary>Server time of requests sent with a <see cref="ServerTimings.Header"/>.</summary>
    public ServerTimings Timings { get; } = new();

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    /// <summary>
    /// Signs in through the sign-in form (with its antiforgery token) and returns a client that sends the
    /// session cookie with every request.
    /// </summary>
    /// <remarks>
    /// In Production the session cookie is marked Secure, and a cookie container never sends such a cookie
    /// over plain HTTP; so cookies are carried by hand here, as a browser behind a TLS-terminating proxy
    /// would send them. Loopback HTTP keeps TLS cost out of the figures.
    /// </remarks>
    public async Task<HttpClient> SignedInClientAsync(string user, string password, CancellationToken cancellation)
    {
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        using var client = NewClient();
        using (var form = await client.GetAsync(new Uri("sign-in", UriKind.Relative), cancellation))
        {
            Collect(form, cookies);
            var html = await form.Content.ReadAsStringAsync(cancellation);
            var antiforgery = AntiforgeryField().Match(html).Groups[1].Value;
            using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("sign-in", UriKind.Relative))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["user"] = user,
                    ["password"] = password,
                    ["__RequestVerificationToken"] = antiforgery,
                }),
            };
            post.Headers.Add("Cookie", CookieHeader(cookies));
            using var response = await client.SendAsync(post, cancellation);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Sign-in as {user} answered {(int)response.StatusCode}.");
            }

            Collect(response, cookies);
        }

        var signedIn = NewClient();
        signedIn.DefaultRequestHeaders.Add("Cookie", CookieHeader(cookies));
        return signedIn;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(WebContentRoot());
        builder.UseSetting("ConnectionStrings:Marten", connectionString);
        builder.UseSetting("DataProtection:KeyEncryptionKey", keyEncryptionKey);
        builder.UseSetting("DemoData:Load", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services => services.AddSingleton(Timings.StartupFilter()));
    }

    /// <summary>
    /// The web project's folder, as the test host uses it. WebApplicationFactory looks for the manifest in
    /// the current directory, which under <c>dotnet run --project</c> is the repository root, not the output folder.
    /// </summary>
    private static string WebContentRoot()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        var roots = File.Exists(manifest) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest)) : null;
        return roots?.GetValueOrDefault(typeof(Program).Assembly.FullName!) ?? AppContext.BaseDirectory;
    }

    /// <summary>One connection per concurrent caller, kept open; no redirects followed, cookies sent by hand.</summary>
    private HttpClient NewClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    private static void Collect(HttpResponseMessage response, Dictionary<string, string> cookies)
    {
        foreach (var setCookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = setCookie.Split(';', 2)[0].Split('=', 2);
            if (pair.Length == 2)
            {
                cookies[pair[0].Trim()] = pair[1].Trim();
            }
        }
    }

    private static string CookieHeader(Dictionary<string, string> cookies) => string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
