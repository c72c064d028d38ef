using System.Text.RegularExpressions;

namespace Beratungspass.Infrastructure;

/// <summary>
/// Identifiers people choose and that end up in addresses and events: sign-in names, institution and
/// service ids. Lower-case letters, digits, dot, hyphen and underscore, 3 to 64 characters, starting with a letter or digit.
/// </summary>
public static partial class Slug
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);
}
