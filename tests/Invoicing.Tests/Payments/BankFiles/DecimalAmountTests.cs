using CsCheck;
using Invoicing.Payments.BankFiles;

using Invoicing.Testing.BankFiles;

namespace Invoicing.Tests.Payments.BankFiles;

public sealed class DecimalAmountTests
{
    [Theory]
    [InlineData("43035.00", 4_303_500)]
    [InlineData("0.01", 1)]
    [InlineData("12345678.9", 1_234_567_890)]
    [InlineData("7", 700)]
    [InlineData("0.5", 50)]
    [InlineData("9999999999999999.99", 999_999_999_999_999_999)]
    public void Amounts_with_at_most_two_decimals_are_read_to_exact_ore(string text, long expectedOre)
    {
        Assert.True(DecimalAmount.TryParse(text, out var amount));
        Assert.Equal(new Money(expectedOre), amount);
    }

    [Theory]
    [InlineData("1.234")]
    [InlineData("1e5")]
    [InlineData("1E5")]
    [InlineData("")]
    [InlineData("-1.00")]
    [InlineData("+1.00")]
    [InlineData("1,00")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData(" 1.00")]
    [InlineData("1 000.00")]
    [InlineData("NaN")]
    [InlineData("12345678901234567.00")]
    public void Anything_but_digits_and_at_most_two_decimals_is_refused_rather_than_rounded(string text)
    {
        Assert.False(DecimalAmount.TryParse(text, out _));
    }

    [Fact]
    public void Every_amount_in_ore_reads_back_exactly_from_its_decimal_form()
    {
        Gen.Long[0, 1_000_000_000_000_000].Sample(ore =>
            DecimalAmount.TryParse(new Money(ore).ToInvariantString(), out var back) && back == new Money(ore));
    }
}
