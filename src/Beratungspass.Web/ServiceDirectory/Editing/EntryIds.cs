using Beratungspass.Infrastructure;
using Beratungspass.Web.Infrastructure.Problems;

namespace Beratungspass.Web.ServiceDirectory.Editing;

/// <summary>The id of a new organization or service: as typed, or made from the name when left empty.</summary>
public static class EntryIds
{
    /// <summary>"new" would be the address of the form for new entries, so no entry can be called that.</summary>
    public const string Reserved = "new";

    /// <summary>The id to create the entry with; an unusable one is an error at the id field and shown there to correct.</summary>
    public static string Chosen(EditingPageModel page, string? typed, string name)
    {
        var id = string.IsNullOrWhiteSpace(typed) ? FormText.SlugFrom(name) : typed.Trim();
        if (string.IsNullOrWhiteSpace(typed) && name.Length == 0)
        {
            // Nothing to make an id from: the name's own error says what to do.
            return id;
        }

        if (!Slug.IsValid(id) || id == Reserved)
        {
            page.AddProblem("id", ProblemCatalog.DirectoryIdInvalid);
        }

        return id;
    }
}
