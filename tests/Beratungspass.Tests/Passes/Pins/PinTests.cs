using Beratungspass.Infrastructure;
using Beratungspass.Passes.Pins;

namespace Beratungspass.Tests.Passes.Pins;

public sealed class PinTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0000")]
    [InlineData("7777777")]
    [InlineData("1234")]
    [InlineData("12345678")]
    [InlineData("3456")]
    [InlineData("9876")]
    [InlineData("543210")]
    [InlineData("482")] // three digits
    [InlineData("482917364")] // nine digits
    [InlineData("48a9")]
    [InlineData("4829 ")]
    [InlineData("-482")]
    [InlineData("٤٨٢٩")] // Arabic-Indic digits: a keypad may offer them, the card reader's keypad does not
    public void Pins_that_are_short_long_not_digits_or_easy_to_guess_are_refused(string? pin)
    {
        var rejected = Assert.Throws<CommandRejectedException>(() => Pin.EnsureAcceptable(pin));

        Assert.Equal(Rejection.PinTooWeak, rejected.Reason);
    }

    [Theory]
    [InlineData("4829")]
    [InlineData("583920")]
    [InlineData("13579")]
    [InlineData("90123456")]
    [InlineData("1123")]
    public void Pins_of_four_to_eight_digits_without_an_obvious_pattern_are_accepted(string pin)
    {
        Pin.EnsureAcceptable(pin);
    }

    [Fact]
    public void A_hashed_pin_verifies_and_a_wrong_pin_does_not()
    {
        var hash = Pin.Hash("583920");

        Assert.True(Pin.Verify("583920", hash));
        Assert.False(Pin.Verify("583921", hash));
        Assert.False(Pin.Verify("58392", hash));
        Assert.False(Pin.Verify("", hash));
    }

    [Fact]
    public void Two_hashes_of_the_same_pin_differ_and_neither_contains_it()
    {
        var first = Pin.Hash("583920");
        var second = Pin.Hash("583920");

        Assert.NotEqual(first, second);
        Assert.DoesNotContain("583920", first, StringComparison.Ordinal);
        Assert.True(Pin.Verify("583920", second));
        Assert.StartsWith("v1$100000$", first, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_value_of_an_unknown_format_never_verifies()
    {
        Assert.False(Pin.Verify("583920", "583920"));
        Assert.False(Pin.Verify("583920", "v2$100000$AAAA$AAAA"));
    }
}
