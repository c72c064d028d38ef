using Beratungspass.Passes;
using Beratungspass.Tokens;
using Microsoft.AspNetCore.DataProtection;

namespace Beratungspass.Tests.Tokens;

/// <summary>The token format on its own, with a real in-process key ring; the host's PostgreSQL key ring is tested under KeyRing.</summary>
public sealed class CardTokensTests
{
    private readonly EphemeralDataProtectionProvider provider = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(300_000)]
    [InlineData(int.MaxValue)]
    public void A_token_reads_back_as_its_pass_and_card_generation(int generation)
    {
        var tokens = new CardTokens(provider);
        var passId = PassId.New();

        var reading = tokens.Read(tokens.Create(passId, generation));

        Assert.Equal(new CardTokenReading(CardTokenStatus.Readable, passId, generation), reading);
    }

    [Fact]
    public void A_token_is_BP1_and_upper_case_Base32_so_QR_codes_use_the_dense_alphanumeric_mode()
    {
        var tokens = new CardTokens(provider);

        var token = tokens.Create(PassId.New(), 1);

        Assert.StartsWith(CardTokens.Prefix, token, StringComparison.Ordinal);
        Assert.All(token[CardTokens.Prefix.Length..], c => Assert.Contains(c, Base32.Alphabet));
    }

    [Fact]
    public void The_token_does_not_show_the_pass_id()
    {
        var tokens = new CardTokens(provider);
        var passId = PassId.New();

        var token = tokens.Create(passId, 1);

        Assert.DoesNotContain(passId, token, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Base32.Encode(Convert.FromHexString(passId)), token, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_tokens_of_the_same_card_differ_so_one_card_cannot_be_told_from_another_by_its_token()
    {
        var tokens = new CardTokens(provider);
        var passId = PassId.New();

        Assert.NotEqual(tokens.Create(passId, 1), tokens.Create(passId, 1));
    }

    [Theory]
    [InlineData("lower")]
    [InlineData("spaces")]
    [InlineData("enter")]
    public void What_a_handheld_scanner_types_with_caps_lock_or_a_trailing_enter_still_reads(string variant)
    {
        var tokens = new CardTokens(provider);
        var passId = PassId.New();
        var token = tokens.Create(passId, 3);

        var typed = variant switch
        {
            "lower" => token.ToLowerInvariant(),
            "spaces" => "  " + token + "  ",
            _ => token + "\r\n",
        };

        Assert.Equal(new CardTokenReading(CardTokenStatus.Readable, passId, 3), tokens.Read(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("BP1")]
    [InlineData("BP2ABCDEFGH")]
    [InlineData("https://example.org/BP1ABCDEFGH")]
    [InlineData("BP1ABCDEFGHIJ")] // I is outside the alphabet
    [InlineData("BP1A")] // a length no encoding produces
    public void Text_that_is_not_a_card_token_is_malformed(string? text)
    {
        Assert.Equal(CardTokenStatus.Malformed, new CardTokens(provider).Read(text).Status);
    }

    [Fact]
    public void A_token_longer_than_any_card_token_is_refused_before_any_cryptography()
    {
        var tokens = new CardTokens(provider);

        Assert.Equal(CardTokenStatus.Malformed, tokens.Read(CardTokens.Prefix + new string('0', 10_000)).Status);
    }

    [Fact]
    public void A_token_from_another_key_ring_is_invalid()
    {
        var token = new CardTokens(new EphemeralDataProtectionProvider()).Create(PassId.New(), 1);

        Assert.Equal(CardTokenReading.Invalid, new CardTokens(provider).Read(token));
    }

    [Fact]
    public void Only_pass_ids_and_positive_generations_make_tokens()
    {
        var tokens = new CardTokens(provider);

        Assert.Throws<ArgumentException>(() => tokens.Create("not-a-pass-id", 1));
        Assert.Throws<ArgumentException>(() => tokens.Create(PassId.New()[..30], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => tokens.Create(PassId.New(), 0));
    }
}
