namespace Invoicing.Tests.MoneyAndReferences;

public sealed class SwedishFormatTests
{
    [Fact]
    public void Amount_groups_with_no_break_spaces_and_ends_in_kr()
    {
        Assert.Equal("43\u00A0035,00\u00A0kr", SwedishFormat.Amount(Money.FromKronor(43_035)));
    }

    [Theory]
    [InlineData(0, "0,00\u00A0kr")]
    [InlineData(5, "0,05\u00A0kr")]
    [InlineData(99_999, "999,99\u00A0kr")]
    [InlineData(100_000, "1\u00A0000,00\u00A0kr")]
    [InlineData(123_456_789_012, "1\u00A0234\u00A0567\u00A0890,12\u00A0kr")]
    public void Amount_shows_every_krona_and_two_ore_digits(long ore, string expected)
    {
        Assert.Equal(expected, SwedishFormat.Amount(new Money(ore)));
    }

    [Fact]
    public void Negative_amounts_use_the_ASCII_hyphen_minus()
    {
        var text = SwedishFormat.Amount(new Money(-100_050));
        Assert.Equal("-1\u00A0000,50\u00A0kr", text);
        Assert.DoesNotContain('\u2212', text);
    }

    [Fact]
    public void AmountWithoutCurrency_has_no_kr()
    {
        Assert.Equal("43\u00A0035,00", SwedishFormat.AmountWithoutCurrency(Money.FromKronor(43_035)));
        Assert.Equal("-0,50", SwedishFormat.AmountWithoutCurrency(new Money(-50)));
    }

    [Fact]
    public void WholeKronor_drops_the_ore_only_when_there_are_none()
    {
        Assert.Equal("75\u00A0000\u00A0kr", SwedishFormat.WholeKronor(Money.FromKronor(75_000)));
        Assert.Equal("4\u00A0000\u00A0000\u00A0kr", SwedishFormat.WholeKronor(Money.FromKronor(4_000_000)));
        Assert.Equal("12,50\u00A0kr", SwedishFormat.WholeKronor(new Money(1_250)));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(1_000, "1\u00A0000")]
    [InlineData(161_236, "161\u00A0236")]
    [InlineData(280_999, "280\u00A0999")]
    [InlineData(-1_234_567, "-1\u00A0234\u00A0567")]
    public void Integer_groups_thousands_with_no_break_spaces(long value, string expected)
    {
        Assert.Equal(expected, SwedishFormat.Integer(value));
    }

    [Theory]
    [InlineData(574, "57,4\u00A0%")]
    [InlineData(1_000, "100,0\u00A0%")]
    [InlineData(50, "5,0\u00A0%")]
    [InlineData(5, "0,5\u00A0%")]
    [InlineData(0, "0,0\u00A0%")]
    [InlineData(-15, "-1,5\u00A0%")]
    public void PerMille_shows_tenths_of_a_per_cent_with_a_decimal_comma(long perMille, string expected)
    {
        Assert.Equal(expected, SwedishFormat.PerMille(perMille));
    }

    [Fact]
    public void PerMille_keeps_the_sign_of_a_share_below_one_per_cent()
    {
        Assert.Equal("-0,5\u00A0%", SwedishFormat.PerMille(-5));
    }

    [Fact]
    public void Date_is_ISO_8601()
    {
        Assert.Equal("2026-03-31", SwedishFormat.Date(new DateOnly(2026, 3, 31)));
        Assert.Equal("2026-01-05", SwedishFormat.Date(new DateOnly(2026, 1, 5)));
    }

    [Fact]
    public void IsoDate_reads_and_writes_yyyy_MM_dd_only()
    {
        Assert.Equal("2025-09-30", IsoDate.Format(new DateOnly(2025, 9, 30)));
        Assert.Equal(new DateOnly(2025, 9, 30), IsoDate.Parse(" 2025-09-30 "));
        Assert.False(IsoDate.TryParse("30/09/2025", out _));
        Assert.False(IsoDate.TryParse("2025-9-30", out _));
        Assert.False(IsoDate.TryParse(null, out _));
        Assert.Throws<FormatException>(() => IsoDate.Parse("2025-02-30"));
    }
}
