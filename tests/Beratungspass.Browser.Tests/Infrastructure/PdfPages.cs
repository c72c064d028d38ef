using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Beratungspass.Browser.Tests.Infrastructure;

/// <summary>The page sizes of a PDF Chromium printed, read from each page's MediaBox (in points, 1/72 inch).</summary>
public static partial class PdfPages
{
    public const double PointsPerMillimetre = 72 / 25.4;

    public static IReadOnlyList<(double Width, double Height)> Sizes(byte[] pdf)
    {
        // Chromium writes page dictionaries uncompressed; Latin-1 keeps every byte as one character.
        var text = Encoding.Latin1.GetString(pdf);
        return MediaBox().Matches(text)
            .Select(m => (Number(m, 3) - Number(m, 1), Number(m, 4) - Number(m, 2)))
            .ToList();
    }

    private static double Number(Match match, int group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
