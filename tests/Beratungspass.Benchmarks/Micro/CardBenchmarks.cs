using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Beratungspass.Passes;
using Beratungspass.Tokens;
using Microsoft.AspNetCore.DataProtection;
using QRCoder;

namespace Beratungspass.Benchmarks.Micro;

/// <summary>
/// What printing a card costs: its token, its QR code and the SVG, each against the raw library call it
/// is built on. Ratios are within a category.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class CardBenchmarks
{
    private BenchmarkKeyRing keyRing = null!;
    private IDataProtector protector = null!;
    private CardTokens tokens = null!;
    private string passId = "";
    private byte[] payload = [];
    private string token = "";

    [GlobalSetup]
    public void Setup()
    {
        keyRing = new BenchmarkKeyRing();
        protector = keyRing.CardTokenProtector;
        tokens = new CardTokens(keyRing.Provider);
        passId = PassId.New();
        payload = CardPayload.For(passId, generation: 1);
        token = tokens.Create(passId, 1);
        keyRing.EnsureSameAsCardTokens(payload, CardPayload.ProtectedBytes(token));
    }

    [GlobalCleanup]
    public void Cleanup() => keyRing.Dispose();

    [Benchmark(Baseline = true, Description = "raw IDataProtector.Protect")]
    [BenchmarkCategory("1 token create")]
    public byte[] RawProtect() => protector.Protect(payload);

    [Benchmark(Description = "CardTokens.Create")]
    [BenchmarkCategory("1 token create")]
    public string Create() => tokens.Create(passId, 1);

    [Benchmark(Baseline = true, Description = "raw QRCodeGenerator.GenerateQrCode")]
    [BenchmarkCategory("2 QR")]
    public QRCodeData RawGenerateQrCode() => QRCodeGenerator.GenerateQrCode(token, QRCodeGenerator.ECCLevel.Q);

    [Benchmark(Description = "CardQr.Svg")]
    [BenchmarkCategory("2 QR")]
    public string Svg() => CardQr.Svg(token);

    [Benchmark(Description = "CardQr.Png (10 px/module)")]
    [BenchmarkCategory("2 QR")]
    public byte[] Png() => CardQr.Png(token);

    /// <summary>The least any card image needs: one protect and one QR encoding.</summary>
    [Benchmark(Baseline = true, Description = "raw Protect + GenerateQrCode")]
    [BenchmarkCategory("3 per card")]
    public QRCodeData RawProtectAndGenerate()
    {
        protector.Protect(payload);
        return QRCodeGenerator.GenerateQrCode(token, QRCodeGenerator.ECCLevel.Q);
    }

    [Benchmark(Description = "CardTokens.Create + CardQr.Svg")]
    [BenchmarkCategory("3 per card")]
    public string CreateAndSvg() => CardQr.Svg(tokens.Create(passId, 1));
}

/// <summary>The bytes a card token protects, built the way <see cref="CardTokens"/> documents them.</summary>
internal static class CardPayload
{
    /// <summary>16 bytes of pass id followed by the generation as a varint (one byte below 128).</summary>
    public static byte[] For(string passId, int generation)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(generation, 127);
        return [.. Convert.FromHexString(passId), (byte)generation];
    }

    public static byte[] ProtectedBytes(string token) =>
        Base32.TryDecode(token.AsSpan(CardTokens.Prefix.Length), out var bytes)
            ? bytes
            : throw new InvalidOperationException("Not a card token.");
}
