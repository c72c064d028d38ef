using BenchmarkDotNet.Attributes;
using Beratungspass.Passes;
using Beratungspass.Tokens;
using Microsoft.AspNetCore.DataProtection;

namespace Beratungspass.Benchmarks.Micro;

/// <summary>Reading a scanned token without the database (the first half of a resolve), against a raw unprotect.</summary>
[MemoryDiagnoser]
public class TokenReadBenchmarks
{
    private BenchmarkKeyRing keyRing = null!;
    private IDataProtector protector = null!;
    private CardTokens tokens = null!;
    private byte[] protectedBytes = [];
    private string token = "";
    private string tampered = "";
    private string scanned = "";

    [GlobalSetup]
    public void Setup()
    {
        keyRing = new BenchmarkKeyRing();
        protector = keyRing.CardTokenProtector;
        tokens = new CardTokens(keyRing.Provider);
        var passId = PassId.New();
        token = tokens.Create(passId, 1);
        protectedBytes = CardPayload.ProtectedBytes(token);
        keyRing.EnsureSameAsCardTokens(CardPayload.For(passId, 1), protectedBytes);

        // One character in the ciphertext changed to another Base32 character: authenticates as nothing.
        var middle = token.Length / 2;
        tampered = token[..middle] + (token[middle] == '0' ? '1' : '0') + token[(middle + 1)..];
        // What a handheld scanner types: lower case and a trailing newline are accepted.
        scanned = token.ToLowerInvariant() + "\n";
        Expect(tokens.Read(token), CardTokenStatus.Readable);
        Expect(tokens.Read(scanned), CardTokenStatus.Readable);
        Expect(tokens.Read(tampered), CardTokenStatus.Invalid);
    }

    [GlobalCleanup]
    public void Cleanup() => keyRing.Dispose();

    [Benchmark(Baseline = true, Description = "raw IDataProtector.Unprotect")]
    public byte[] RawUnprotect() => protector.Unprotect(protectedBytes);

    [Benchmark(Description = "CardTokens.Read (valid)")]
    public CardTokenReading Read() => tokens.Read(token);

    [Benchmark(Description = "CardTokens.Read (scanner-typed, lower case)")]
    public CardTokenReading ReadScanned() => tokens.Read(scanned);

    /// <summary>A forged or damaged token costs a thrown and caught CryptographicException.</summary>
    [Benchmark(Description = "CardTokens.Read (tampered)")]
    public CardTokenReading ReadTampered() => tokens.Read(tampered);

    private static void Expect(CardTokenReading reading, CardTokenStatus status)
    {
        if (reading.Status != status)
        {
            throw new InvalidOperationException($"Expected {status}, read {reading.Status}.");
        }
    }
}
