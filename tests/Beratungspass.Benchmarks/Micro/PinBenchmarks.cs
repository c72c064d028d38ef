using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Beratungspass.Passes.Pins;

namespace Beratungspass.Benchmarks.Micro;

/// <summary>
/// The PIN hash is slow by design (PBKDF2, HMAC-SHA512, 100,000 iterations): it dominates issuing a pass.
/// The baseline is the raw PBKDF2 call with the same parameters.
/// </summary>
[MemoryDiagnoser]
public class PinBenchmarks
{
    private const string ChosenPin = "4829";
    private readonly byte[] salt = RandomNumberGenerator.GetBytes(16);
    private string stored = "";

    [GlobalSetup]
    public void Setup() => stored = Pin.Hash(ChosenPin);

    [Benchmark(Baseline = true, Description = "raw Rfc2898DeriveBytes.Pbkdf2 (SHA-512, 100,000)")]
    public byte[] RawPbkdf2() => Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(ChosenPin), salt, 100_000, HashAlgorithmName.SHA512, 32);

    [Benchmark(Description = "Pin.Hash")]
    public string Hash() => Pin.Hash(ChosenPin);

    [Benchmark(Description = "Pin.Verify (correct PIN)")]
    public bool Verify() => Pin.Verify(ChosenPin, stored);
}
