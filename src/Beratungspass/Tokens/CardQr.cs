using System.Globalization;
using System.Text;
using QRCoder;

namespace Beratungspass.Tokens;

/// <summary>
/// QR images of a card token. Error correction Q (25 % of the code may be damaged) for printed cards;
/// tokens are upper-case Base32 so QRCoder encodes them in alphanumeric mode and they fit QR version 8.
/// </summary>
public static class CardQr
{
    public const int MaximumVersion = 10;

    public static QRCodeData Encode(string token)
    {
        var data = QRCodeGenerator.GenerateQrCode(token, QRCodeGenerator.ECCLevel.Q);
        if (data.Version > MaximumVersion)
        {
            throw new InvalidOperationException($"A card token needs QR version {data.Version}, more than {MaximumVersion}.");
        }

        return data;
    }

    /// <summary>
    /// One SVG path, one unit per module, with a 4-module quiet zone; it scales to any print size without
    /// blur. <c>shape-rendering="crispEdges"</c> keeps module edges sharp on screens.
    /// </summary>
    public static string Svg(string token, string? title = null)
    {
        var data = Encode(token);
        var matrix = data.ModuleMatrix; // includes the quiet zone
        var size = matrix.Count;
        var path = new StringBuilder(size * size * 3);
        for (var y = 0; y < size; y++)
        {
            var row = matrix[y];
            for (var x = 0; x < size; x++)
            {
                if (!row[x])
                {
                    continue;
                }

                var run = 1;
                while (x + run < size && row[x + run])
                {
                    run++;
                }

                path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h{run}v1h-{run}z");
                x += run - 1;
            }
        }

        var label = title is null ? "" : $"<title>{System.Net.WebUtility.HtmlEncode(title)}</title>";
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\" role=\"img\">{label}<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }

    public static byte[] Png(string token, int pixelsPerModule = 10) =>
        new PngByteQRCode(Encode(token)).GetGraphic(pixelsPerModule);
}
