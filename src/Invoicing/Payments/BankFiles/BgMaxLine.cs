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
        return Luhn.IsAllDigits(raw) ? raw : throw Fail(field, $"'{raw}' is not all digits.", $"'{raw}' består inte enbart av siffror.");
    }

    /// <summary>An amount in öre: 18 digits always fit in a <see cref="long"/>.</summary>
    public Money Amount(BgMaxField field) => new(long.Parse(Digits(field), NumberStyles.None, CultureInfo.InvariantCulture));

    public int Count(BgMaxField field) => int.Parse(Digits(field), NumberStyles.None, CultureInfo.InvariantCulture);

    public DateOnly Date(BgMaxField field)
    {
        var digits = Digits(field);
        return DateOnly.TryParseExact(digits, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Fail(field, $"'{digits}' is not a date YYYYMMDD.", $"'{digits}' är inte ett datum ÅÅÅÅMMDD.");
    }

    public BankFileException Fail(BgMaxField field, string problem, string swedishProblem) =>
        BankFileException.AtLine(fileName, number, $"TK{RecordType} {field}", $"TK{RecordType} {field.Swedish}", problem, swedishProblem);

    /// <summary>
    /// The record as a whole is what is wrong, its type or the texts it adds to its payment: named as
    /// "TK20 record type" in English and "TK20 posttyp" in Swedish.
    /// </summary>
    public BankFileException Fail(RecordField field, string problem, string swedishProblem) =>
        BankFileException.AtLine(fileName, number, $"TK{RecordType} {field.Name}", $"TK{RecordType} {field.SwedishName}", problem, swedishProblem);

    public static readonly RecordField RecordTypeField = new("record type", "posttyp");

    public static readonly RecordField TextField = new("text", "text");

    /// <summary>What a complaint about a whole record names in place of a field with columns, in both languages.</summary>
    internal sealed record RecordField(string Name, string SwedishName);

    private string Raw(BgMaxField field) => text.Substring(field.Start - 1, field.Length);
}
