using System.Globalization;
using System.Text;
using Beratungspass.ServiceDirectory;

namespace Beratungspass.Web.ServiceDirectory.Editing;

/// <summary>How the edit forms read what people typed: trimmed, empty as absent, line breaks as the store keeps them.</summary>
public static class FormText
{
    /// <summary>Trimmed text, or null when nothing was entered.</summary>
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : Lines(value.Trim());

    /// <summary>Trimmed text, or empty (which the directory's rules refuse with "please fill in").</summary>
    public static string Required(string? value) => Optional(value) ?? "";

    /// <summary>Browsers send line breaks of text areas as CR LF; the directory keeps LF, so an unchanged text stays unchanged.</summary>
    private static string Lines(string value) => value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>The part's id as the form carried it; a new one for a new row or a damaged field.</summary>
    public static Guid Id(string? value) => Guid.TryParse(value, out var id) && id != Guid.Empty ? id : Guid.NewGuid();

    public static string NewId() => Guid.NewGuid().ToString();

    /// <summary>The chosen values in the order they were stored when the choice is unchanged, so re-saving changes nothing.</summary>
    public static IReadOnlyList<string> Chosen(IReadOnlyList<string>? stored, IEnumerable<string>? posted)
    {
        var chosen = (posted ?? []).Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal).ToList();
        return stored is not null && stored.Count == chosen.Count && stored.All(chosen.Contains) ? stored : chosen;
    }

    /// <summary>
    /// A suggested id from a name: lower case, umlauts spelled out, other characters as hyphens
    /// („Integrationsagentur AWO Werne“ → <c>integrationsagentur-awo-werne</c>).
    /// </summary>
    public static string SlugFrom(string? name)
    {
        var text = (name ?? "").Trim().ToLowerInvariant()
            .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal);
        var slug = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        if (result.Length > 64)
        {
            result = result[..64].TrimEnd('-');
        }

        return result;
    }
}

/// <summary>A phone row of an edit form (organization or service).</summary>
public sealed class PhoneRow
{
    public string? Id { get; set; }

    public string? Number { get; set; }

    public string? Description { get; set; }

    public List<string> Languages { get; set; } = [];

    public bool Remove { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Number) && string.IsNullOrWhiteSpace(Description) && Languages.Count == 0;

    public static PhoneRow From(DirectoryPhone phone) => new()
    {
        Id = phone.Id.ToString(),
        Number = phone.Number,
        Description = phone.Description,
        Languages = [.. phone.Languages],
    };

    public static PhoneRow Blank() => new() { Id = FormText.NewId() };

    /// <summary>The phones the form keeps, with the form row each one came from.</summary>
    public static List<DirectoryPhone> ToPhones(List<PhoneRow> rows, IReadOnlyList<DirectoryPhone>? stored, FieldPaths paths)
    {
        var phones = new List<DirectoryPhone>();
        for (var row = 0; row < rows.Count; row++)
        {
            var form = rows[row];
            if (form.Remove || form.IsBlank)
            {
                continue;
            }

            var id = FormText.Id(form.Id);
            form.Id = id.ToString();
            var before = stored?.FirstOrDefault(p => p.Id == id);
            paths.Row($"phones[{phones.Count}]", $"phones-{row}");
            phones.Add(new DirectoryPhone(id, FormText.Required(form.Number), FormText.Optional(form.Description), FormText.Chosen(before?.Languages, form.Languages)));
        }

        return phones;
    }

    /// <summary>One empty row to fill in, unless there is one already.</summary>
    public static void EnsureBlank(List<PhoneRow> rows)
    {
        if (!rows.Any(r => r.IsBlank && !r.Remove))
        {
            rows.Add(Blank());
        }
    }
}
