using CsCheck;
using Invoicing.Invoices;

namespace Invoicing.Tests.Invoices;

public sealed class InvoiceNumberTests
{
    [Fact]
    public void Invoice_number_is_the_year_and_a_five_digit_sequence()
    {
        Assert.Equal("202600017", new InvoiceNumber(2026, 17).ToString());
        Assert.Equal("202699999", new InvoiceNumber(2026, InvoiceNumber.MaxSequence).ToString());
        Assert.Equal("200000001", new InvoiceNumber(2000, 1).ToString());
    }

    [Fact]
    public void Parse_reads_year_and_sequence()
    {
        var number = InvoiceNumber.Parse("202600017");

        Assert.Equal(2026, number.Year);
        Assert.Equal(17, number.Sequence);
        Assert.Equal(new InvoiceNumber(2026, 17), number);
    }

    [Fact]
    public void Every_invoice_number_reads_back_from_its_text()
    {
        Gen.Select(Gen.Int[2000, 2999], Gen.Int[1, InvoiceNumber.MaxSequence]).Sample((year, sequence) =>
        {
            var number = new InvoiceNumber(year, sequence);
            var text = number.ToString();
            Assert.Equal(9, text.Length);
            Assert.Equal(number, InvoiceNumber.Parse(text));
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("20260017")]
    [InlineData("2026000170")]
    [InlineData("202600000")]
    [InlineData("199900001")]
    [InlineData("300000001")]
    [InlineData("2026-0017")]
    [InlineData("20260001A")]
    [InlineData(" 20260017")]
    [InlineData("２０２６０００１７")]
    public void Text_that_is_not_an_invoice_number_is_refused(string text)
    {
        Assert.False(InvoiceNumber.TryParse(text, out var number));
        Assert.Equal(default, number);
        var e = Assert.Throws<FormatException>(() => InvoiceNumber.Parse(text));
        Assert.Contains("nine digits", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_is_not_an_invoice_number()
    {
        Assert.False(InvoiceNumber.TryParse(null, out _));
    }

    [Theory]
    [InlineData(1999, 1)]
    [InlineData(3000, 1)]
    [InlineData(2026, 0)]
    [InlineData(2026, 100_000)]
    [InlineData(2026, -1)]
    public void Year_and_sequence_out_of_range_are_refused(int year, int sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InvoiceNumber(year, sequence));
    }

    [Fact]
    public void Numbers_order_by_year_then_sequence()
    {
        var a = new InvoiceNumber(2025, 99_999);
        var b = new InvoiceNumber(2026, 1);
        var c = new InvoiceNumber(2026, 2);

        Assert.True(a < b);
        Assert.True(b < c);
        Assert.True(c > a);
        Assert.True(b <= new InvoiceNumber(2026, 1));
        Assert.True(c >= b);
        Assert.Equal([a, b, c], new[] { c, a, b }.Order());
    }

    [Fact]
    public void OCR_reference_is_the_number_with_length_and_check_digits()
    {
        var ocr = new InvoiceNumber(2026, 17).ToOcrReference();

        Assert.Equal("20260001712", ocr.Value);
        Assert.StartsWith("202600017", ocr.Value, StringComparison.Ordinal);
        Assert.True(ocr.HasValidLengthDigit);
        Assert.True(Luhn.IsValid(ocr.Value));
    }

    [Fact]
    public void Every_invoice_number_gives_a_valid_eleven_digit_OCR_reference()
    {
        Gen.Select(Gen.Int[2000, 2999], Gen.Int[1, InvoiceNumber.MaxSequence]).Sample((year, sequence) =>
        {
            var ocr = new InvoiceNumber(year, sequence).ToOcrReference();
            return ocr.Value.Length == 11 && ocr.HasValidLengthDigit && OcrReference.TryParse(ocr.Value, out var parsed) && parsed == ocr;
        });
    }
}
