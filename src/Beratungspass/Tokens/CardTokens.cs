using System.Security.Cryptography;
using Beratungspass.Passes;
using Microsoft.AspNetCore.DataProtection;

namespace Beratungspass.Tokens;

/// <summary>
/// The token in the card's QR code: <c>BP1</c> followed by the Base32 form of a Data Protection payload
/// holding the pass id (16 bytes) and the card generation (a varint). Authenticated encryption with a
/// purpose string bound to the version, so a token of another purpose or version never reads as a card.
/// </summary>
public sealed class CardTokens(IDataProtectionProvider provider)
{
    public const string Prefix = "BP1";

    /// <summary>Anything longer is refused before any cryptography runs.</summary>
    public const int MaximumLength = 256;

    private readonly IDataProtector protector = provider.CreateProtector("Beratungspass.CardToken", "v1");

    public string Create(string passId, int generation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(generation, 1);
        Span<byte> payload = stackalloc byte[PassId.ByteLength + 5];
        if (!PassId.TryToBytes(passId, payload))
        {
            throw new ArgumentException("Not a pass id.", nameof(passId));
        }

        var length = PassId.ByteLength + WriteVarint(payload[PassId.ByteLength..], (uint)generation);
        return Prefix + Base32.Encode(protector.Protect(payload[..length].ToArray()));
    }

    public CardTokenReading Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CardTokenReading.Malformed;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > MaximumLength || trimmed.Length <= Prefix.Length
            || !trimmed.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || !Base32.TryDecode(trimmed.AsSpan(Prefix.Length), out var protectedBytes))
        {
            return CardTokenReading.Malformed;
        }

        byte[] payload;
        try
        {
            payload = protector.Unprotect(protectedBytes);
        }
        catch (CryptographicException)
        {
            // Tampered, truncated, made with another key ring or for another purpose: all look alike.
            return CardTokenReading.Invalid;
        }

        if (payload.Length <= PassId.ByteLength
            || !TryReadVarint(payload.AsSpan(PassId.ByteLength), out var generation)
            || generation < 1)
        {
            return CardTokenReading.Invalid;
        }

        return new CardTokenReading(CardTokenStatus.Readable, PassId.FromBytes(payload.AsSpan(0, PassId.ByteLength)), (int)generation);
    }

    private static int WriteVarint(Span<byte> destination, uint value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    private static bool TryReadVarint(ReadOnlySpan<byte> source, out uint value)
    {
        value = 0;
        for (var i = 0; i < source.Length && i < 5; i++)
        {
            value |= (uint)(source[i] & 0x7F) << (7 * i);
            if ((source[i] & 0x80) == 0)
            {
                return i == source.Length - 1 && value <= int.MaxValue;
            }
        }

        return false;
    }
}

public enum CardTokenStatus
{
    /// <summary>Not a card token at all: empty, too long, wrong prefix, characters outside the alphabet.</summary>
    Malformed,

    /// <summary>Shaped like a token but not one of ours: tampered, truncated, foreign key ring or purpose.</summary>
    Invalid,

    Readable,
}

public readonly record struct CardTokenReading(CardTokenStatus Status, string PassId, int Generation)
{
    public static CardTokenReading Malformed => new(CardTokenStatus.Malformed, "", 0);

    public static CardTokenReading Invalid => new(CardTokenStatus.Invalid, "", 0);
}
