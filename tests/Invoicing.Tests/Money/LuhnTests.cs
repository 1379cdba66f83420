namespace Invoicing.Tests.MoneyAndReferences;

public sealed class LuhnTests
{
    [Theory]
    [InlineData("7992739871", 3)]
    [InlineData("202100669", 3)]
    [InlineData("991234", 6)]
    [InlineData("2026000011", 0)]
    [InlineData("0", 0)]
    [InlineData("", 0)]
    public void Check_digit_brings_the_weighted_sum_to_a_multiple_of_ten(string digits, int expected)
    {
        Assert.Equal(expected, Luhn.CheckDigit(digits));
    }

    [Theory]
    [InlineData("79927398713")]
    [InlineData("2021006693")]
    [InlineData("9912346")]
    [InlineData("00")]
    public void Digits_ending_in_their_check_digit_are_valid(string digits)
    {
        Assert.True(Luhn.IsValid(digits));
    }

    [Theory]
    [InlineData("79927398710")]
    [InlineData("2021006694")]
    [InlineData("9912345")]
    [InlineData("0")]
    [InlineData("")]
    [InlineData("99-12346")]
    [InlineData("٩٩١٢٣٤٦")]
    public void Anything_else_is_not_valid(string digits)
    {
        Assert.False(Luhn.IsValid(digits));
    }

    [Fact]
    public void A_character_that_is_not_a_digit_cannot_have_a_check_digit()
    {
        Assert.Throws<FormatException>(() => Luhn.CheckDigit("12a4"));
        Assert.Throws<FormatException>(() => Luhn.CheckDigit("12 4"));
    }

    [Fact]
    public void IsAllDigits_wants_at_least_one_ASCII_digit_and_nothing_else()
    {
        Assert.True(Luhn.IsAllDigits("0123456789"));
        Assert.False(Luhn.IsAllDigits(""));
        Assert.False(Luhn.IsAllDigits("12-3"));
        Assert.False(Luhn.IsAllDigits("١٢٣"));
    }
}
