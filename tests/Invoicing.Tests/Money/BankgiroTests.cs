namespace Invoicing.Tests.MoneyAndReferences;

public sealed class BankgiroTests
{
    [Theory]
    [InlineData("991-2346", "9912346", "991-2346")]
    [InlineData("9912346", "9912346", "991-2346")]
    [InlineData("991 2346", "9912346", "991-2346")]
    [InlineData("5050-1055", "50501055", "5050-1055")]
    public void Bankgiro_with_a_valid_check_digit_is_accepted_and_written_with_a_hyphen(string text, string digits, string written)
    {
        var bankgiro = new Bankgiro(text);
        Assert.Equal(digits, bankgiro.Digits);
        Assert.Equal(written, bankgiro.ToString());
    }

    [Theory]
    [InlineData("991-2345")]
    [InlineData("5050-1056")]
    public void Bankgiro_with_a_wrong_check_digit_is_refused(string text)
    {
        var e = Assert.Throws<FormatException>(() => new Bankgiro(text));
        Assert.Contains(text, e.Message, StringComparison.Ordinal);
        Assert.Contains("check digit", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("123-456")]
    [InlineData("12345-6789")]
    [InlineData("991-234A")]
    [InlineData("PG 991-2346")]
    public void Bankgiro_must_be_seven_or_eight_digits(string text)
    {
        var e = Assert.Throws<FormatException>(() => new Bankgiro(text));
        Assert.Contains("7 or 8 digits", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_is_not_a_bankgiro()
    {
        Assert.Throws<FormatException>(() => new Bankgiro(null!));
    }

    [Fact]
    public void Equal_digits_are_the_same_bankgiro()
    {
        Assert.Equal(new Bankgiro("991-2346"), new Bankgiro("9912346"));
    }
}
