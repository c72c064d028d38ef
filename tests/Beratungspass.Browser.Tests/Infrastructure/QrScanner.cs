using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace Beratungspass.Browser.Tests.Infrastructure;

/// <summary>Reads the QR code in a screenshot the way a phone or a handheld scanner would: from pixels only.</summary>
public static class QrScanner
{
    public static string? Read(byte[] png, bool pureBarcode = false)
    {
        using var image = SKImage.FromEncodedData(png) ?? throw new ArgumentException("Not an image.", nameof(png));
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        if (!image.ReadPixels(bitmap.Info, bitmap.GetPixels(), bitmap.RowBytes, 0, 0))
        {
            throw new InvalidOperationException("The screenshot's pixels could not be read.");
        }

        var pixels = bitmap.Bytes;

        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = false,
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true, PureBarcode = pureBarcode },
        };
        return reader.Decode(new RGBLuminanceSource(pixels, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32))?.Text;
    }
}
