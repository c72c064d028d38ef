using Beratungspass.Passes;
using Microsoft.Net.Http.Headers;

namespace Beratungspass.Web.ServiceDirectory.Public;

/// <summary>
/// Which language a public page speaks: the one chosen with <c>?lang=</c>, else the first client language the
/// browser asks for (Accept-Language), else German. A <c>?lang=</c> that names no client language is reported.
/// </summary>
public sealed record PublicLanguage(ClientLanguage Language, bool Chosen, bool UnknownRequested)
{
    public static PublicLanguage Negotiate(string? requested, IEnumerable<StringWithQualityHeaderValue> acceptLanguage)
    {
        if (ClientLanguages.TryParse(requested, out var chosen))
        {
            return new(chosen, Chosen: true, UnknownRequested: false);
        }

        var unknown = !string.IsNullOrEmpty(requested);
        var preferred = acceptLanguage
            .Where(range => range.Quality is null or > 0)
            .OrderByDescending(range => range.Quality ?? 1)
            .Select(range => range.Value.Value?.Split('-')[0])
            .FirstOrDefault(code => ClientLanguages.TryParse(code, out _));
        return ClientLanguages.TryParse(preferred, out var browser)
            ? new(browser, Chosen: false, unknown)
            : new(ClientLanguage.De, Chosen: false, unknown);
    }
}
