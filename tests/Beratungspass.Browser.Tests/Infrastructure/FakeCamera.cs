using System.Text;
using SkiaSharp;

namespace Beratungspass.Browser.Tests.Infrastructure;

/// <summary>
/// A video for Chromium's fake camera (<c>--use-file-for-fake-video-capture</c>): a card's QR code held
/// up in front of a white background, as YUV4MPEG2 (Y4M) with 4:2:0 chroma — a text header, then per frame
/// "FRAME", the luma plane and the two quarter-size chroma planes.
/// </summary>
public static class FakeCamera
{
    public const int Width = 640;
    public const int Height = 480;

    /// <summary>Writes <paramref name="frames"/> frames (at 5 per second) showing the QR image centred, 360 pixels high.</summary>
    public static void WriteY4m(byte[] qrPng, string path, int frames = 5)
    {
        var (y, u, v) = Planes(qrPng);
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F5:1 Ip A1:1 C420jpeg\n"));
        for (var i = 0; i < frames; i++)
        {
            file.Write("FRAME\n"u8);
            file.Write(y);
            file.Write(u);
            file.Write(v);
        }
    }

    private static (byte[] Y, byte[] U, byte[] V) Planes(byte[] qrPng)
    {
        using var qr = SKBitmap.Decode(qrPng) ?? throw new ArgumentException("Not an image.", nameof(qrPng));
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var frame = new SKBitmap(info);
        using (var canvas = new SKCanvas(frame))
        {
            canvas.Clear(SKColors.White);
            const int side = 360;
            var target = SKRect.Create((Width - side) / 2f, (Height - side) / 2f, side, side);
            using var image = SKImage.FromBitmap(qr);
            // Nearest neighbour keeps the modules crisp, as a sharp camera picture of a printed card would be.
            canvas.DrawImage(image, target, new SKSamplingOptions(SKFilterMode.Nearest));
        }

        var rgba = frame.Bytes;
        var y = new byte[Width * Height];
        var u = new byte[Width * Height / 4];
        var v = new byte[Width * Height / 4];
        for (var row = 0; row < Height; row++)
        {
            for (var column = 0; column < Width; column++)
            {
                var p = (row * Width + column) * 4;
                y[row * Width + column] = Clamp(0.299 * rgba[p] + 0.587 * rgba[p + 1] + 0.114 * rgba[p + 2]);
            }
        }

        // Full-range BT.601 chroma ("jpeg"), one sample per 2×2 block, taken from the block's average colour.
        for (var row = 0; row < Height / 2; row++)
        {
            for (var column = 0; column < Width / 2; column++)
            {
                double r = 0, g = 0, b = 0;
                foreach (var (dy, dx) in new[] { (0, 0), (0, 1), (1, 0), (1, 1) })
                {
                    var p = ((row * 2 + dy) * Width + column * 2 + dx) * 4;
                    r += rgba[p] / 4.0;
                    g += rgba[p + 1] / 4.0;
                    b += rgba[p + 2] / 4.0;
                }

                u[row * Width / 2 + column] = Clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
                v[row * Width / 2 + column] = Clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
            }
        }

        return (y, u, v);
    }

    private static byte Clamp(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
