namespace Invoicing.Tests.MoneyAndReferences;

public sealed class OrganisationNumberTests
{
    [Theory]
    [InlineData("202100-6693")]
    [InlineData("2021006693")]
    [InlineData(" 202100-6693 ")]
    public void Jamstalldhetsmyndigheten_has_a_valid_organisation_number(string text)
    {
        var number = new OrganisationNumber(text);
        Assert.Equal("2021006693", number.Digits);
        Assert.Equal("202100-6693", number.ToString());
    }

    [Fact]
    public void VAT_number_is_SE_the_ten_digits_and_01()
    {
        Assert.Equal("SE202100669301", new OrganisationNumber("202100-6693").ToVatNumber());
    }

    [Theory]
    [InlineData("202100-2254")]
    [InlineData("202100-2411")]
    [InlineData("202100-2437")]
    public void County_administrative_boards_of_Region_Mitt_have_valid_numbers(string text)
    {
        Assert.Equal(text, new OrganisationNumber(text).ToString());
    }

    [Fact]
    public void Organisation_number_with_a_wrong_check_digit_is_refused()
    {
        var e = Assert.Throws<FormatException>(() => new OrganisationNumber("202100-6694"));
        Assert.Contains("check digit", e.Message, StringComparison.Ordinal);
        Assert.Contains("202100-6694", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("202100-669")]
    [InlineData("16202100-6693")]
    [InlineData("20210O-6693")]
    public void Organisation_number_must_be_ten_digits(string text)
    {
        var e = Assert.Throws<FormatException>(() => new OrganisationNumber(text));
        Assert.Contains("ten digits", e.Message, StringComparison.Ordinal);
    }
}
