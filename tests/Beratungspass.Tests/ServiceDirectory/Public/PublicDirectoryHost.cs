using System.Net;
using System.Text.RegularExpressions;
using NodaTime;

namespace Beratungspass.Tests.ServiceDirectory.Public;

/// <summary>The app at Monday 10:00 in Kreis Unna, with the sample directory and <see cref="PublicDirectoryEntries"/>.</summary>
public class PublicDirectoryHost(TestPostgres postgres) : AppHost(postgres)
{
    public SettableClock Clock { get; } = new(PublicDirectoryEntries.MondayMorning);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IClock>(Clock);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await PublicDirectoryEntries.AddAsync(Services);
    }
}

/// <summary>Reading the public pages' HTML in tests.</summary>
public static partial class PublicHtml
{
    [GeneratedRegex("<li class=\"result\" id=\"service-([^\"]+)\"")]
    private static partial Regex Result();

    [GeneratedRegex("<html lang=\"([^\"]+)\" dir=\"([^\"]+)\">")]
    private static partial Regex Html();

    /// <summary>The service ids of the results on a search page, in order.</summary>
    public static IReadOnlyList<string> ResultIds(string html) => [.. Result().Matches(html).Select(m => m.Groups[1].Value)];

    public static (string Lang, string Dir) LangAndDir(string html) =>
        Html().Match(html) is { Success: true } match ? (match.Groups[1].Value, match.Groups[2].Value) : throw new Xunit.Sdk.XunitException("No <html lang dir>.");

    /// <summary>An attribute value as the page writes it (a tel: link's + comes as &amp;#x2B;, which browsers read back as +).</summary>
    public static string Encoded(string value) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(value);

    /// <summary>Gets a page and returns status and HTML, whatever the status.</summary>
    public static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient client, string path, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
