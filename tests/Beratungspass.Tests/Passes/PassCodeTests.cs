using Beratungspass.Passes;

namespace Beratungspass.Tests.Passes;

public sealed class PassCodeTests
{
    private const int Samples = 300;

    private static List<PassCode> Generated() => [.. Enumerable.Range(0, Samples).Select(_ => PassCode.New())];

    [Fact]
    public void Every_generated_code_parses_back_printed_or_bare()
    {
        foreach (var code in Generated())
        {
            Assert.Equal(code, PassCode.Parse(code.Value).Code);
            Assert.Equal(code, PassCode.Parse(code.Display).Code);
            Assert.Matches("^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]$", code.Display);
        }
    }

    [Fact]
    public void Every_single_wrong_character_is_detected_as_a_typo()
    {
        foreach (var code in Generated())
        {
            var chars = code.Value.ToCharArray();
            for (var position = 0; position < PassCode.Length; position++)
            {
                var original = chars[position];
                foreach (var replacement in PassCode.Alphabet.Where(c => c != original))
                {
                    chars[position] = replacement;
                    var parsed = PassCode.Parse(new string(chars));
                    Assert.True(parsed.Problem == PassCodeProblem.CheckFailed, $"{new string(chars)} (from {code.Value}) was not detected");
                }

                chars[position] = original;
            }
        }
    }

    [Fact]
    public void Every_swap_of_two_different_characters_is_detected_as_a_typo()
    {
        foreach (var code in Generated())
        {
            for (var i = 0; i < PassCode.Length; i++)
            {
                for (var j = i + 1; j < PassCode.Length; j++)
                {
                    var chars = code.Value.ToCharArray();
                    if (chars[i] == chars[j])
                    {
                        continue;
                    }

                    (chars[i], chars[j]) = (chars[j], chars[i]);
                    var parsed = PassCode.Parse(new string(chars));
                    Assert.True(parsed.Problem == PassCodeProblem.CheckFailed, $"{new string(chars)} (from {code.Value}) was not detected");
                }
            }
        }
    }

    [Theory]
    [InlineData("dem2-kart-s")]
    [InlineData("DEM2KARTS")]
    [InlineData("dem2 kart s")]
    [InlineData("  DEM2-KART-S  ")]
    [InlineData("DEM2\u2013KART\u2013S")] // en dash, as word processors write it
    [InlineData("DEM2\u2011KART\u00A0S")] // non-breaking hyphen and space from a copied web page
    [InlineData("De-M2-kA-rT-s")]
    public void Separators_spaces_and_lower_case_are_accepted(string typed)
    {
        var parsed = PassCode.Parse(typed);

        Assert.True(parsed.IsValid);
        Assert.Equal("DEM2-KART-S", parsed.Code.Display);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("DEM2-KART")] // eight characters
    [InlineData("DEM2-KART-SS")] // ten characters
    [InlineData("DEM2-KART-S2")]
    [InlineData("DEM1-KART-S")] // 1 is not in the alphabet
    [InlineData("DEM0-KART-S")]
    [InlineData("DEMI-KART-S")]
    [InlineData("DEML-KART-S")]
    [InlineData("DEMO-KART-S")]
    [InlineData("DEM2-KART-\U0001F600")]
    [InlineData("DEM2_KART_S")]
    [InlineData("DEM2.KART.S")]
    [InlineData("ＤＥＭ２ＫＡＲＴＳ")] // full-width letters
    [InlineData("DEM2-KART-S\n")]
    public void Anything_not_shaped_like_a_pass_code_is_malformed(string? typed)
    {
        Assert.Equal(PassCodeProblem.Malformed, PassCode.Parse(typed).Problem);
    }

    [Fact]
    public void A_huge_input_is_malformed_without_being_scanned_to_the_end()
    {
        Assert.Equal(PassCodeProblem.Malformed, PassCode.Parse(new string('A', 10_000)).Problem);
        Assert.Equal(PassCodeProblem.Malformed, PassCode.Parse(new string('-', 10_000) + "DEM2KARTS").Problem);
    }

    [Fact]
    public void The_alphabet_has_no_characters_that_look_alike_and_a_prime_size()
    {
        Assert.Equal(31, PassCode.Alphabet.Length);
        Assert.Equal(PassCode.Alphabet.Length, PassCode.Alphabet.Distinct().Count());
        Assert.DoesNotContain(PassCode.Alphabet, c => c is '0' or '1' or 'I' or 'L' or 'O');
    }

    [Fact]
    public void Generated_codes_use_every_character_of_the_alphabet()
    {
        var seen = Enumerable.Range(0, 2_000).SelectMany(_ => PassCode.New().Value[..PassCode.DataLength]).ToHashSet();

        Assert.Equal(PassCode.Alphabet.Order(), seen.Order());
    }
}
