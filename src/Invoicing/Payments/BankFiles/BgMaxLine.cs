using System.Globalization;

namespace Invoicing.Payments.BankFiles;

/// <summary>
/// One BgMax record, already decoded and padded to 80 columns, that reads its fields and names itself (file,
/// line, record type, field, columns) in every complaint.
/// </summary>
internal sealed class BgMaxLine(string fileName, int number, string text)
{
    public int Number => number;

    public bool IsBlank => string.IsNullOrWhiteSpace(text);

    /// <summary>The transaction code (TK) in columns 1-2.</summary>
    public string RecordType => text[..2];

    /// <summary>The field's text without its padding; empty when blank.</summary>
    public string Text(BgMaxField field) => Raw(field).Trim();

    public string Digits(BgMaxField field)
    {
        var raw = Raw(field);
        return Luhn.IsAllDigits(raw) ? raw : throw Fail(field, $"'{raw}' is not all digits.");
    }

    /// <summary>An amount in öre: 18 digits always fit in a <see cref="long"/>.</summary>
    public Money Amount(BgMaxField field) => new(long.Parse(Digits(field), NumberStyles.None, CultureInfo.InvariantCulture));

    public int Count(BgMaxField field) => int.Parse(Digits(field), NumberStyles.None, CultureInfo.InvariantCulture);

    public DateOnly Date(BgMaxField field)
    {
        var digits = Digits(field);
        return DateOnly.TryParseExact(digits, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Fail(field, $"'{digits}' is not a date YYYYMMDD.");
    }

    public BankFileException Fail(BgMaxField field, string problem) => Fail(field.ToString(), problem);

    public BankFileException Fail(string field, string problem) =>
        BankFileException.AtLine(fileName, number, $"TK{RecordType} {field}", problem);

    private string Raw(BgMaxField field) => text.Substring(field.Start - 1, field.Length);
}
