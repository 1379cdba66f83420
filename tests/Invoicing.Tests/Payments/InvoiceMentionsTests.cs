using Invoicing.Payments;

namespace Invoicing.Tests.Payments;

public sealed class InvoiceMentionsTests
{
    [Theory]
    [InlineData("faktura nr 202600011", "20260001118")]
    [InlineData("OCR 20260001118, tack", "20260001118")]
    [InlineData("Faktura 202600008 och 202600007", "20260000813 20260000714")]
    [InlineData("faktura nr 145593", "")]
    [InlineData("20260001119", "")]
    [InlineData("org.nr 2120002080, 12345 Storåker", "")]
    [InlineData("2026000111800", "")]
    public void A_nine_digit_invoice_number_or_a_valid_eleven_digit_OCR_standing_alone_names_an_invoice(string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', InvoiceMentions.In([text])));
    }
}
