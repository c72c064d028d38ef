using System.Security.Cryptography;
using Beratungspass.Tokens;

namespace Beratungspass.Tests.Tokens;

public sealed class Base32Tests
{
    [Fact]
    public void Any_bytes_survive_encoding_and_decoding()
    {
        for (var length = 0; length <= 100; length++)
        {
            for (var sample = 0; sample < 20; sample++)
            {
                var data = RandomNumberGenerator.GetBytes(length);

                var text = Base32.Encode(data);

                Assert.True(Base32.TryDecode(text, out var decoded));
                Assert.Equal(data, decoded);
                Assert.Equal((length * 8 + 4) / 5, text.Length);
                Assert.All(text, c => Assert.Contains(c, Base32.Alphabet));
            }
        }
    }

    [Fact]
    public void Lower_case_decodes_to_the_same_bytes()
    {
        var data = RandomNumberGenerator.GetBytes(81);
        var text = Base32.Encode(data);

        Assert.True(Base32.TryDecode(text.ToLowerInvariant(), out var decoded));
        Assert.Equal(data, decoded);
    }

    [Fact]
    public void Only_the_encoding_with_zero_padding_bits_is_accepted_so_each_byte_string_has_one_token()
    {
        for (var length = 1; length <= 10; length++)
        {
            var text = Base32.Encode(RandomNumberGenerator.GetBytes(length));
            var paddingBits = text.Length * 5 - length * 8;
            var accepted = Base32.Alphabet
                .Where(last => Base32.TryDecode(text[..^1] + last, out _))
                .ToList();

            // The last character's low padding bits must be zero: 2^(5 - padding) characters decode, all others are refused.
            Assert.Equal(1 << (5 - paddingBits), accepted.Count);
            Assert.Contains(text[^1], accepted);
            Assert.All(accepted, last => Assert.Equal(0, Base32.Alphabet.IndexOf(last) & ((1 << paddingBits) - 1)));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(9)]
    public void Lengths_no_encoding_produces_are_refused(int length)
    {
        Assert.False(Base32.TryDecode(new string('0', length), out _));
    }

    [Theory]
    [InlineData("I")]
    [InlineData("O")]
    [InlineData("Y")]
    [InlineData("Z")]
    [InlineData("=")]
    [InlineData("-")]
    [InlineData("Ä")]
    [InlineData("\u0660")]
    public void Characters_outside_the_alphabet_are_refused(string bad)
    {
        var text = Base32.Encode(RandomNumberGenerator.GetBytes(10));

        Assert.False(Base32.TryDecode(bad + text[1..], out var decoded));
        Assert.Empty(decoded);
    }

    [Fact]
    public void The_alphabet_leaves_out_the_letters_a_German_keyboard_swaps_and_those_that_look_like_digits()
    {
        Assert.Equal(32, Base32.Alphabet.Distinct().Count());
        Assert.DoesNotContain(Base32.Alphabet, c => c is 'I' or 'O' or 'Y' or 'Z');
        Assert.All(Base32.Alphabet, c => Assert.True(char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)));
    }
}
