namespace Beratungspass.Tokens;

/// <summary>
/// Base32 with the digits and the letters A–X without I and O. Upper-case letters and digits fit the QR
/// alphanumeric mode (denser than byte mode), and leaving out Y and Z keeps tokens intact when a
/// handheld scanner set to a US keyboard types into a German (QWERTZ) one, which swaps those two keys.
/// </summary>
public static class Base32
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWX";

    private static readonly sbyte[] Values = BuildValues();

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var output = new char[(data.Length * 8 + 4) / 5];
        int buffer = 0, bits = 0, index = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                output[index++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            output[index] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        return new string(output);
    }

    /// <summary>Decodes case-insensitively; false for any character outside the alphabet or a length no encoding produces.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] data)
    {
        data = [];
        var byteCount = text.Length * 5 / 8;
        if ((byteCount * 8 + 4) / 5 != text.Length)
        {
            return false;
        }

        var output = new byte[byteCount];
        int buffer = 0, bits = 0, index = 0;
        foreach (var c in text)
        {
            var value = c < 128 ? Values[c] : (sbyte)-1;
            if (value < 0)
            {
                return false;
            }

            buffer = (buffer << 5) | (byte)value;
            bits += 5;
            if (bits >= 8)
            {
                output[index++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }

        // Padding bits must be zero, so each byte string has exactly one encoding.
        if ((buffer & ((1 << bits) - 1)) != 0)
        {
            return false;
        }

        data = output;
        return true;
    }

    private static sbyte[] BuildValues()
    {
        var values = Enumerable.Repeat((sbyte)-1, 128).ToArray();
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
            values[char.ToLowerInvariant(Alphabet[i])] = (sbyte)i;
        }

        return values;
    }
}
