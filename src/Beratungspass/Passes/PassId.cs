using System.Security.Cryptography;

namespace Beratungspass.Passes;

/// <summary>
/// The pseudonymous stream id of a pass: 128 random bits, written as 32 lower-case hex characters.
/// It never leaves the server in clear; cards carry it only inside a protected token.
/// </summary>
public static class PassId
{
    public const int ByteLength = 16;

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(ByteLength));

    public static bool TryToBytes(string passId, Span<byte> destination) =>
        passId.Length == ByteLength * 2
        && Convert.FromHexString(passId, destination, out _, out var written) == System.Buffers.OperationStatus.Done
        && written == ByteLength;

    public static string FromBytes(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
