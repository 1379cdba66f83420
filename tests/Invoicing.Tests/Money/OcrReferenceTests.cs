using CsCheck;

namespace Invoicing.Tests.MoneyAndReferences;

public sealed class OcrReferenceTests
{
    [Fact]
    public void Created_reference_has_a_length_digit_and_a_check_digit()
    {
        var ocr = OcrReference.Create("202600001");

        Assert.Equal("20260000110", ocr.Value);
        Assert.Equal(11, ocr.Value.Length);
        Assert.Equal('1', ocr.Value[^2]);
        Assert.True(ocr.HasValidLengthDigit);
        Assert.True(Luhn.IsValid(ocr.Value));
        Assert.Equal("20260000110", ocr.ToString());
    }

    [Fact]
    public void Created_reference_without_length_digit_has_only_the_check_digit()
    {
        var ocr = OcrReference.Create("202600001", withLengthDigit: false);

        Assert.Equal("2026000014", ocr.Value);
        Assert.True(Luhn.IsValid(ocr.Value));
    }

    [Theory]
    [InlineData("20260000111")]
    [InlineData("20260000119")]
    [InlineData("12")]
    public void Reference_with_a_bad_check_digit_is_refused(string value)
    {
        var e = Assert.Throws<FormatException>(() => new OcrReference(value));
        Assert.Contains("check digit", e.Message, StringComparison.Ordinal);
        Assert.False(OcrReference.TryParse(value, out _));
    }

    [Fact]
    public void Bankgirot_BgMax_example_reference_fails_its_check_digit()
    {
        // Computed, not assumed: the Luhn check digit of 6559690000000000001 is 8, not 0.
        Assert.Equal(8, Luhn.CheckDigit("6559690000000000001"));
        Assert.False(OcrReference.TryParse("65596900000000000010", out _));
        Assert.Throws<FormatException>(() => new OcrReference("65596900000000000010"));
        Assert.True(OcrReference.TryParse("65596900000000000018", out var corrected));
        Assert.Equal("65596900000000000018", corrected.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("12345678901234567890123456")]
    [InlineData("2026-0000110")]
    [InlineData("2026000011O")]
    public void Reference_must_be_2_to_25_digits(string value)
    {
        var e = Assert.Throws<FormatException>(() => new OcrReference(value));
        Assert.Contains("2 to 25 digits", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Twenty_five_digits_is_the_longest_reference()
    {
        var ocr = OcrReference.Create("12345678901234567890123");

        Assert.Equal("1234567890123456789012357", ocr.Value);
        Assert.Equal(OcrReference.MaxLength, ocr.Value.Length);
        Assert.True(ocr.HasValidLengthDigit);
        Assert.Throws<FormatException>(() => OcrReference.Create("123456789012345678901234"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-01")]
    [InlineData("abc")]
    public void Base_of_a_reference_must_be_digits(string baseDigits)
    {
        Assert.Throws<FormatException>(() => OcrReference.Create(baseDigits));
    }

    [Fact]
    public void TryParse_ignores_spaces_and_refuses_null()
    {
        Assert.True(OcrReference.TryParse("2026 0000 110", out var ocr));
        Assert.Equal("20260000110", ocr.Value);
        Assert.False(OcrReference.TryParse(null, out _));
        Assert.False(OcrReference.TryParse("2026-0000110", out _));
    }

    [Fact]
    public void Length_digit_is_checked_only_when_it_is_there()
    {
        Assert.False(new OcrReference("2026000014").HasValidLengthDigit);
        Assert.False(new OcrReference("00").HasValidLengthDigit);
    }

    [Fact]
    public void Every_created_reference_is_valid_and_refuses_any_single_wrong_digit()
    {
        var gen = Gen.Select(Gen.Char['0', '9'].Array[1, 23], Gen.Int[0, 100], Gen.Int[1, 9]);
        gen.Sample((digits, position, delta) =>
        {
            var ocr = OcrReference.Create(new string(digits));
            Assert.Equal(digits.Length + 2, ocr.Value.Length);
            Assert.True(ocr.HasValidLengthDigit);
            Assert.True(OcrReference.TryParse(ocr.Value, out var parsed));
            Assert.Equal(ocr, parsed);

            var wrong = ocr.Value.ToCharArray();
            var i = position % wrong.Length;
            wrong[i] = (char)('0' + (wrong[i] - '0' + delta) % 10);
            Assert.False(OcrReference.TryParse(new string(wrong), out _));
        });
    }
}
