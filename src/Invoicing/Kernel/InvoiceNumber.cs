using System.Globalization;

namespace Invoicing;

/// <summary>
/// An invoice number from the issuer's gapless series for one year: the year followed by a five-digit
/// sequence, <c>202600017</c>. Digits only, so it can be typed into a bank's OCR field and is the base of
/// the invoice's <see cref="OcrReference"/>.
/// </summary>
public readonly record struct InvoiceNumber : IComparable<InvoiceNumber>
{
    public const int MaxSequence = 99_999;

    public InvoiceNumber(int year, int sequence)
    {
        if (year is < 2000 or > 2999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Invoice year must be between 2000 and 2999.");
        }

        if (sequence is < 1 or > MaxSequence)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"Invoice sequence must be between 1 and {MaxSequence}.");
        }

        Year = year;
        Sequence = sequence;
    }

    public int Year { get; }

    public int Sequence { get; }

    /// <summary>The OCR reference for this invoice: its digits, a length digit and a check digit (11 digits).</summary>
    public OcrReference ToOcrReference() => OcrReference.Create(ToString(), withLengthDigit: true);

    /// <summary>
    /// The invoice number an OCR reference of this form carries: eleven digits, the second-to-last the length digit
    /// (1), the first nine an invoice number. Any other reference, however valid, cannot be an invoice's of ours.
    /// </summary>
    public static bool TryFromOcrReference(OcrReference ocr, out InvoiceNumber number)
    {
        number = default;
        return ocr.Value is { Length: 11 } && ocr.HasValidLengthDigit && TryParse(ocr.Value[..9], out number);
    }

    public static bool operator <(InvoiceNumber left, InvoiceNumber right) => left.CompareTo(right) < 0;

    public static bool operator >(InvoiceNumber left, InvoiceNumber right) => left.CompareTo(right) > 0;

    public static bool operator <=(InvoiceNumber left, InvoiceNumber right) => left.CompareTo(right) <= 0;

    public static bool operator >=(InvoiceNumber left, InvoiceNumber right) => left.CompareTo(right) >= 0;

    public int CompareTo(InvoiceNumber other) => (Year, Sequence).CompareTo((other.Year, other.Sequence));

    public override string ToString() =>
        Year.ToString("0000", CultureInfo.InvariantCulture) + Sequence.ToString("00000", CultureInfo.InvariantCulture);

    public static InvoiceNumber Parse(string text) =>
        TryParse(text, out var number)
            ? number
            : throw new FormatException($"Invoice number '{DocumentText.Quote(text)}' must be nine digits: the year and a five-digit sequence, e.g. 202600017." + (IdText.Problem(text) is { } hidden ? $" It {hidden}" : ""));

    public static bool TryParse(string? text, out InvoiceNumber number)
    {
        number = default;
        if (text is null || text.Length != 9 || !Luhn.IsAllDigits(text))
        {
            return false;
        }

        var year = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var sequence = int.Parse(text.AsSpan(4), CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2999 || sequence < 1)
        {
            return false;
        }

        number = new InvoiceNumber(year, sequence);
        return true;
    }
}
