using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace Beratungspass.Browser.Tests.Infrastructure;

/// <summary>Reads the QR code in a screenshot the way a phone or a handheld scanner would: from pixels only.</summary>
public static class QrScanner
{
    /// <summary>
    /// ZXing's finder-pattern search misses a small share of cleanly rendered codes at some module sizes (zbar and
    /// phone cameras read them); a phone simply sees the code at another distance. So a miss is retried at other
    /// scales of the same pixels, as a camera moving closer or further away would.
    /// </summary>
    private static readonly float[] Scales = [1f, 0.75f, 1.5f, 0.5f, 2f];

    public static string? Read(byte[] png, bool pureBarcode = false)
    {
        using var image = SKImage.FromEncodedData(png) ?? throw new ArgumentException("Not an image.", nameof(png));
        using var original = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        if (!image.ReadPixels(original.Info, original.GetPixels(), original.RowBytes, 0, 0))
        {
            throw new InvalidOperationException("The screenshot's pixels could not be read.");
        }

        foreach (var scale in Scales)
        {
            if (scale == 1f)
            {
                if (Decode(original, pureBarcode) is { } text)
                {
                    return text;
                }

                continue;
            }

            var size = new SKImageInfo((int)(original.Width * scale), (int)(original.Height * scale), SKColorType.Rgba8888, SKAlphaType.Unpremul);
            using var scaled = original.Resize(size, new SKSamplingOptions(SKFilterMode.Linear));
            if (scaled is not null && Decode(scaled, pureBarcode) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? Decode(SKBitmap bitmap, bool pureBarcode)
    {
        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = false,
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true, PureBarcode = pureBarcode },
        };
        return reader.Decode(new RGBLuminanceSource(bitmap.Bytes, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.RGBA32))?.Text;
    }
}
