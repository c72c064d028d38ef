using System.Security.Cryptography;

namespace Beratungspass.Passes;

/// <summary>
/// The short code printed under the QR, typed when scanning fails: eight random characters and a
/// check character, shown as <c>XXXX-XXXX-C</c>.
/// </summary>
/// <remarks>
/// The alphabet has 31 characters (digits 2–9 and letters without I, L, O), so 0/O and 1/I/L cannot be
/// confused, and 31 is prime: the check character makes the weighted sum Σ i·vᵢ (i = 1…9) divisible by
/// 31. With distinct non-zero weights modulo a prime, every single wrong character and every swap of
/// two characters changes the sum, so typos are detected and never resolve to another pass.
/// </remarks>
public readonly record struct PassCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int DataLength = 8;
    public const int Length = DataLength + 1;

    private PassCode(string value) => Value = value;

    /// <summary>The nine characters without separators, upper case.</summary>
    public string Value { get; }

    public static PassCode New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < DataLength; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        chars[DataLength] = CheckCharacter(chars[..DataLength]);
        return new PassCode(new string(chars));
    }

    public static PassCodeParseResult Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32)
        {
            return PassCodeParseResult.Malformed;
        }

        Span<char> chars = stackalloc char[Length];
        var count = 0;
        foreach (var raw in input)
        {
            if (raw is '-' or ' ' or '\u00A0' or '\u2010' or '\u2011' or '\u2013')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw);
            if (count == Length || Alphabet.IndexOf(c) < 0)
            {
                return PassCodeParseResult.Malformed;
            }

            chars[count++] = c;
        }

        if (count != Length)
        {
            return PassCodeParseResult.Malformed;
        }

        return CheckCharacter(chars[..DataLength]) == chars[DataLength]
            ? new PassCodeParseResult(new PassCode(new string(chars)), PassCodeProblem.None)
            : PassCodeParseResult.CheckFailed;
    }

    /// <summary>The form printed on the card and shown on screen.</summary>
    public string Display => $"{Value[..4]}-{Value[4..8]}-{Value[8]}";

    public override string ToString() => Display;

    internal static char CheckCharacter(ReadOnlySpan<char> data)
    {
        var sum = 0;
        for (var i = 0; i < data.Length; i++)
        {
            sum += (i + 1) * Alphabet.IndexOf(data[i]);
        }

        // Find c with sum + 9·c ≡ 0 (mod 31); 9⁻¹ mod 31 = 7 because 9·7 = 63 = 2·31 + 1.
        var check = (31 - (sum % 31)) % 31 * 7 % 31;
        return Alphabet[check];
    }
}

public enum PassCodeProblem
{
    None,
    Malformed,
    CheckFailed,
}

public readonly record struct PassCodeParseResult(PassCode Code, PassCodeProblem Problem)
{
    public static PassCodeParseResult Malformed => new(default, PassCodeProblem.Malformed);

    public static PassCodeParseResult CheckFailed => new(default, PassCodeProblem.CheckFailed);

    public bool IsValid => Problem == PassCodeProblem.None;
}
