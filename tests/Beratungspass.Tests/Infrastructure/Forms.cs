using System.Net;
using System.Text.RegularExpressions;

namespace Beratungspass.Tests.Infrastructure;

/// <summary>Fills in the app's HTML forms as a browser would: the antiforgery token and hidden fields come from the page just loaded.</summary>
public static partial class Forms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>Loads a page that must answer 200 and returns its HTML.</summary>
    public static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 300)]}");
        return html;
    }

    public static string TokenOf(string html) => AntiforgeryToken().Match(html) is { Success: true } match
        ? match.Groups[1].Value
        : throw new Xunit.Sdk.XunitException("The page has no antiforgery token.");

    /// <summary>The value of the first hidden or text input with this name.</summary>
    public static string ValueOf(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*?value=\"([^\"]*)\"") is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new Xunit.Sdk.XunitException($"The page has no field {name} with a value.");

    /// <summary>The value of the input with this id.</summary>
    public static string ValueById(string html, string id) =>
        Regex.Match(html, $"<input[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*?value=\"([^\"]*)\"") is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new Xunit.Sdk.XunitException($"The page has no input #{id} with a value.");

    /// <summary>Posts the fields with the page's antiforgery token, to the page's address or one of its handlers.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string page, params (string Name, string Value)[] fields)
    {
        var content = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", TokenOf(page)));
        return client.PostAsync(path, new FormUrlEncodedContent(content), TestContext.Current.CancellationToken);
    }

    /// <summary>The text of the element with this id, tags removed and whitespace collapsed.</summary>
    public static string TextOf(string html, string id)
    {
        var match = Regex.Match(html, $"<(\\w+)[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>(.*?)</\\1>", RegexOptions.Singleline);
        Assert.True(match.Success, $"The page has no element #{id}.");
        return Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(match.Groups[2].Value, "<[^>]+>", " ")), @"\s+", " ").Trim();
    }
}
