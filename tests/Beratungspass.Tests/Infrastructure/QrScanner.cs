using System.Globalization;
using System.Xml.Linq;
using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace Beratungspass.Tests.Infrastructure;

/// <summary>
/// Reads QR codes the way a phone camera app would: from pixels, with an independent decoder (ZXing.Net),
/// so a test proves what is printed can be scanned, not just what the encoder claims.
/// </summary>
public static class QrScanner
{
    public static Result ReadPng(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("Not a decodable image.");
        return Read(bitmap);
    }

    /// <summary>Draws the SVG's single path at a few pixels per module, as a printer would, and reads that.</summary>
    public static Result ReadSvg(string svg, int pixelsPerModule = 6)
    {
        var root = XDocument.Parse(svg).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        var viewBox = ((string?)root.Attribute("viewBox") ?? throw new InvalidOperationException("SVG without viewBox."))
            .Split(' ').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        using var path = SKPath.ParseSvgPathData((string)root.Element(ns + "path")!.Attribute("d")!);
        using var bitmap = new SKBitmap(viewBox[2] * pixelsPerModule, viewBox[3] * pixelsPerModule);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(pixelsPerModule);
            using var black = new SKPaint { Color = SKColors.Black, IsAntialias = false, Style = SKPaintStyle.Fill };
            canvas.DrawPath(path, black);
        }

        return Read(bitmap);
    }

    public static Result Read(SKBitmap bitmap)
    {
        var pixels = bitmap.Pixels;
        var luminance = new byte[pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            var c = pixels[i];
            luminance[i] = (byte)((c.Red * 299 + c.Green * 587 + c.Blue * 114) / 1000);
        }

        var source = new RGBLuminanceSource(luminance, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.Gray8);

        // ZXing's finder-pattern search misses about 2 % of flawless rendered QR codes at 5–10 pixels per module
        // (its own encoder's output as much as QRCoder's; zbar reads them all). For such a clean, upright image the
        // pure-barcode mode reads the same modules without that search, and still decodes format, mask and error correction.
        return Decode(source, pureBarcode: false) ?? Decode(source, pureBarcode: true)
            ?? throw new InvalidOperationException("No QR code found in the image.");
    }

    private static Result? Decode(LuminanceSource source, bool pureBarcode) => new BarcodeReaderGeneric
    {
        AutoRotate = false,
        Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true, PureBarcode = pureBarcode },
    }.Decode(source);

    /// <summary>The token of the pass's current card, read from the QR image the API serves for printing.</summary>
    public static async Task<string> CurrentTokenAsync(HttpClient client, string passCode)
    {
        var png = await client.GetByteArrayAsync($"/api/v1/passes/{passCode}/qr.png", TestContext.Current.CancellationToken);
        return ReadPng(png).Text;
    }
}
