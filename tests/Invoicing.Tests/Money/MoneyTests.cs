using CsCheck;

namespace Invoicing.Tests.MoneyAndReferences;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("43 035", 4_303_500)]
    [InlineData("43035", 4_303_500)]
    [InlineData("43035,00", 4_303_500)]
    [InlineData("43035.00", 4_303_500)]
    [InlineData("43035,5", 4_303_550)]
    [InlineData("43035.05", 4_303_505)]
    [InlineData("1 000 kr", 100_000)]
    [InlineData("1000kr", 100_000)]
    [InlineData("1 000 KR", 100_000)]
    [InlineData("-5", -500)]
    [InlineData("-1 000 kr", -100_000)]
    [InlineData("\u22121 000,50", -100_050)]
    [InlineData("43\u00A0035", 4_303_500)]
    [InlineData("43\u00A0035,00\u00A0kr", 4_303_500)]
    [InlineData("43\u202F035", 4_303_500)]
    [InlineData("  75000  ", 7_500_000)]
    [InlineData("0", 0)]
    [InlineData("0,01", 1)]
    public void Kronor_text_as_people_write_it_is_read_exactly(string text, long expectedOre)
    {
        Assert.True(Money.TryParseKronor(text, out var money));
        Assert.Equal(new Money(expectedOre), money);
    }

    [Theory]
    [InlineData("43035,001")]
    [InlineData("1.234")]
    [InlineData("12a")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("kr")]
    [InlineData("-")]
    [InlineData(",50")]
    [InlineData("+5")]
    [InlineData("--5")]
    [InlineData("1,2,3")]
    [InlineData("1.000,50")]
    [InlineData("5e3")]
    [InlineData("99999999999999999999")]
    public void Text_that_is_not_kronor_with_at_most_two_decimals_is_refused(string text)
    {
        Assert.False(Money.TryParseKronor(text, out var money));
        Assert.Equal(Money.Zero, money);
    }

    [Fact]
    public void Null_is_refused()
    {
        Assert.False(Money.TryParseKronor(null, out _));
    }

    [Fact]
    public void The_largest_parsable_amount_does_not_overflow()
    {
        var largest = (long.MaxValue / Money.OrePerKrona - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Money.TryParseKronor(largest + ",99", out var money));
        Assert.Equal((long.MaxValue / Money.OrePerKrona - 1) * 100 + 99, money.Ore);
        Assert.False(Money.TryParseKronor((long.MaxValue / Money.OrePerKrona).ToString(System.Globalization.CultureInfo.InvariantCulture), out _));
    }

    [Fact]
    public void FromKronor_counts_in_ore()
    {
        Assert.Equal(4_303_500, Money.FromKronor(43_035).Ore);
        Assert.Equal(-100, Money.FromKronor(-1).Ore);
        Assert.Equal(Money.Zero, Money.FromKronor(0));
        Assert.Equal(Money.Zero, default);
    }

    [Fact]
    public void FromKronor_refuses_to_overflow()
    {
        Assert.Throws<OverflowException>(() => Money.FromKronor(long.MaxValue / 10));
    }

    [Fact]
    public void Arithmetic_is_exact_in_ore()
    {
        var a = new Money(4_303_550);
        var b = new Money(1);
        Assert.Equal(new Money(4_303_551), a + b);
        Assert.Equal(new Money(4_303_549), a - b);
        Assert.Equal(new Money(-4_303_550), -a);
        Assert.Equal(Money.Zero, a + -a);
        Assert.True(b < a);
        Assert.True(a > b);
        Assert.True(a >= new Money(4_303_550));
        Assert.True(b <= a);
        Assert.True(a.CompareTo(b) > 0);
        Assert.Equal(0, a.CompareTo(new Money(4_303_550)));
    }

    [Fact]
    public void Arithmetic_refuses_to_overflow()
    {
        var max = new Money(long.MaxValue);
        Assert.Throws<OverflowException>(() => max + new Money(1));
        Assert.Throws<OverflowException>(() => new Money(long.MinValue) - new Money(1));
        Assert.Throws<OverflowException>(() => -new Money(long.MinValue));
    }

    [Fact]
    public void Sum_adds_every_amount_and_is_zero_for_none()
    {
        Assert.Equal(Money.FromKronor(375_000), Money.Sum(Enumerable.Repeat(Money.FromKronor(75_000), 5)));
        Assert.Equal(Money.Zero, Money.Sum([]));
    }

    [Theory]
    [InlineData(4_303_500, "43035.00")]
    [InlineData(4_303_505, "43035.05")]
    [InlineData(5, "0.05")]
    [InlineData(0, "0.00")]
    [InlineData(-50, "-0.50")]
    [InlineData(-100_050, "-1000.50")]
    public void ToInvariantString_has_a_dot_two_decimals_and_no_grouping(long ore, string expected)
    {
        Assert.Equal(expected, new Money(ore).ToInvariantString());
    }

    [Fact]
    public void ToKronorDecimal_is_exact()
    {
        Assert.Equal(43_035.05m, new Money(4_303_505).ToKronorDecimal());
        Assert.Equal(-0.5m, new Money(-50).ToKronorDecimal());
        Assert.Equal("43035.00", System.Text.Json.JsonSerializer.Serialize(Money.FromKronor(43_035).ToKronorDecimal()));
        Assert.Equal("-0.50", System.Text.Json.JsonSerializer.Serialize(new Money(-50).ToKronorDecimal()));
    }

    [Fact]
    public void IsWholeKronor_is_true_only_without_ore()
    {
        Assert.True(Money.FromKronor(75_000).IsWholeKronor);
        Assert.True(Money.FromKronor(-3).IsWholeKronor);
        Assert.False(new Money(7_500_001).IsWholeKronor);
        Assert.False(new Money(-50).IsWholeKronor);
    }

    [Fact]
    public void ToString_is_the_Swedish_display_form()
    {
        Assert.Equal("43\u00A0035,00\u00A0kr", Money.FromKronor(43_035).ToString());
    }

    [Fact]
    public void Invariant_form_reads_back_to_the_same_amount()
    {
        Gen.Long[-1_000_000_000_000_000, 1_000_000_000_000_000].Sample(ore =>
            Money.TryParseKronor(new Money(ore).ToInvariantString(), out var back) && back == new Money(ore));
    }

    [Fact]
    public void Swedish_display_form_reads_back_to_the_same_amount()
    {
        Gen.Long[-1_000_000_000_000_000, 1_000_000_000_000_000].Sample(ore =>
            Money.TryParseKronor(SwedishFormat.Amount(new Money(ore)), out var back) && back == new Money(ore));
    }
}
