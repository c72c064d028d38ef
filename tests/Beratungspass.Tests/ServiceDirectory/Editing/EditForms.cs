using System.Net;
using System.Text.RegularExpressions;

namespace Beratungspass.Tests.ServiceDirectory.Editing;

/// <summary>
/// The directory's edit forms as a browser sends them: every field of the loaded form with its value
/// (ticked boxes only, the chosen option), so a test changes just what a person would change.
/// </summary>
public static partial class EditForms
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("<form[^>]*class=\"[^\"]*directory-form[^\"]*\"[^>]*>(.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex EditForm();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Input();

    [GeneratedRegex("<textarea\\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextArea();

    [GeneratedRegex("<select\\b([^>]*)>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<option\\b([^>]*)>", RegexOptions.Singleline)]
    private static partial Regex Option();

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : Regex.IsMatch(tag, $"\\s{name}(\\s|>|/)") ? "" : null;

    /// <summary>The fields of the page's edit form, in order, as a browser would send them.</summary>
    public static List<(string Name, string Value)> FieldsOf(string html)
    {
        var form = EditForm().Match(html);
        Assert.True(form.Success, "The page has no edit form.");
        var body = form.Groups[1].Value;
        var fields = new List<(string Name, string Value)>();
        foreach (Match input in Input().Matches(body))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            var type = Attribute(tag, "type") ?? "text";
            // The antiforgery token is added by Forms.PostAsync.
            if (name is null || type is "submit" or "button" || name == "__RequestVerificationToken")
            {
                continue;
            }

            if (type is "checkbox" or "radio" && Attribute(tag, "checked") is null)
            {
                continue;
            }

            fields.Add((name, Attribute(tag, "value") ?? (type == "checkbox" ? "on" : "")));
        }

        foreach (Match area in TextArea().Matches(body))
        {
            // HTML drops one line break right after <textarea>.
            var text = WebUtility.HtmlDecode(area.Groups[2].Value);
            fields.Add((Attribute(area.Groups[1].Value, "name")!, text.StartsWith('\n') ? text[1..] : text));
        }

        foreach (Match select in Select().Matches(body))
        {
            var options = Option().Matches(select.Groups[2].Value).Select(o => o.Groups[1].Value).ToList();
            var chosen = options.FirstOrDefault(o => Attribute(o, "selected") is not null) ?? options.FirstOrDefault();
            fields.Add((Attribute(select.Groups[1].Value, "name")!, chosen is null ? "" : Attribute(chosen, "value") ?? ""));
        }

        return fields;
    }

    /// <summary>The form's fields with some set anew (a name given twice keeps only the new values) and some added.</summary>
    public static (string Name, string Value)[] With(this List<(string Name, string Value)> fields, params (string Name, string Value)[] changes)
    {
        var replaced = changes.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return [.. fields.Where(f => !replaced.Contains(f.Name)), .. changes];
    }

    /// <summary>Loads the page and posts its edit form with the changes, to the page's address or a handler.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, params (string Name, string Value)[] changes)
    {
        var html = await Forms.PageAsync(client, path);
        return await Forms.PostAsync(client, path, html, FieldsOf(html).With(changes));
    }

    /// <summary>Creates an organization with one location and one phone through the form; answers the redirect's target.</summary>
    public static async Task<string> CreateOrganizationAsync(HttpClient client, string id, string name, string town = "Werne")
    {
        using var answer = await PostAsync(client, "/directory/edit/organizations/new",
            ("Id", id), ("Name", name), ("Description", $"{name}: Beratung für Zugewanderte."),
            ("Email", $"kontakt@{id}.example"), ("Website", $"https://{id}.example"),
            ("Phones[0].Number", "02389 123456"), ("Phones[0].Description", "Terminvergabe"), ("Phones[0].Languages", "de"),
            ("Locations[0].Name", $"{name} Hauptstelle"), ("Locations[0].Street", "Beispielweg 3"),
            ("Locations[0].PostalCode", "59368"), ("Locations[0].Town", town));
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"Creating {id} answered {(int)answer.StatusCode}: {Summary(await answer.Content.ReadAsStringAsync(Ct))}");
        return answer.Headers.Location!.OriginalString;
    }

    /// <summary>Creates a service offered at the organization's first location on Monday and Wednesday mornings.</summary>
    public static async Task<string> CreateServiceAsync(HttpClient client, string organizationId, string id, string name)
    {
        using var answer = await PostAsync(client, $"/directory/edit/services/new?organization={organizationId}",
            ("Id", id), ("Name", name), ("Description", $"{name}: offene Sprechstunde und Termine."),
            ("Status", "Active"), ("EligibilityDescription", "Erwachsene ab 27 Jahren"), ("MinimumAge", "27"),
            ("Topics", "residence-law"), ("Topics", "work"), ("Languages", "de"), ("Languages", "ar"),
            ("Locations[0].Offered", "true"), ("Locations[0].Hours[0].Days", "Monday"), ("Locations[0].Hours[0].Days", "Wednesday"),
            ("Locations[0].Hours[0].Opens", "09:00"), ("Locations[0].Hours[0].Closes", "12:00"),
            ("StaffContacts[0].Name", "Erika Beispiel"), ("StaffContacts[0].Role", "Teamleitung"),
            ("StaffContacts[0].Phone", "02389 123457"), ("StaffContacts[0].Reachable", "Mo–Do 8–12 Uhr"));
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"Creating {id} answered {(int)answer.StatusCode}: {Summary(await answer.Content.ReadAsStringAsync(Ct))}");
        return answer.Headers.Location!.OriginalString;
    }

    /// <summary>The error summary of a page, for assertion messages.</summary>
    public static string Summary(string html) =>
        html.Contains("id=\"form-errors\"", StringComparison.Ordinal) ? Forms.TextOf(html, "form-errors")
        : html.Contains("id=\"refusal\"", StringComparison.Ordinal) ? Forms.TextOf(html, "refusal")
        : html[..Math.Min(html.Length, 400)];
}
