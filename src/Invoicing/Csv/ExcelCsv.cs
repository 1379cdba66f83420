using System.Text;

namespace Invoicing.Csv;

/// <summary>
/// The one way the product writes a CSV file for a person to open in Excel (the ledger export, the e-invoice's
/// specification): UTF-8 with a BOM (without it Excel reads å, ä, ö as two characters each), <c>;</c> between fields
/// (Swedish Excel's list separator, since the comma is the decimal sign), amounts with a decimal comma and no digit
/// grouping (<c>43035,00</c>, exact to the öre), ISO dates, CRLF line ends, a field quoted only when it must be.
/// </summary>
public sealed class ExcelCsv
{
    private readonly StringBuilder _text = new();

    /// <summary>Appends one row; each field is quoted when it must be (<see cref="Quoted"/>).</summary>
    public ExcelCsv Row(IReadOnlyList<string> fields)
    {
        _text.AppendJoin(';', fields.Select(Quoted)).Append("\r\n");
        return this;
    }

    /// <summary>
    /// Appends one row made of parts that <see cref="Joined"/> made: the same row as <see cref="Row"/> of their fields,
    /// for a file whose rows share runs of fields (a pool's figures on each member's row), quoted and joined once.
    /// </summary>
    public ExcelCsv RowOfJoined(params ReadOnlySpan<string> parts)
    {
        _text.AppendJoin(';', parts).Append("\r\n");
        return this;
    }

    /// <summary>Fields as a row holds them, each quoted when it must be and <c>;</c> between them: a part of <see cref="RowOfJoined"/>.</summary>
    public static string Joined(IReadOnlyList<string> fields) => string.Join(';', fields.Select(Quoted));

    /// <summary>The file: the BOM, then the rows.</summary>
    public byte[] ToBytes()
    {
        var preamble = Encoding.UTF8.Preamble;
        var text = _text.ToString();
        var bytes = new byte[preamble.Length + Encoding.UTF8.GetByteCount(text)];
        preamble.CopyTo(bytes);
        Encoding.UTF8.GetBytes(text, bytes.AsSpan(preamble.Length));
        return bytes;
    }

    /// <summary><c>43035,00</c>; <c>-100,00</c> for an overpayment: a number to Excel, not text.</summary>
    public static string Amount(Money money) => money.ToInvariantString().Replace('.', ',');

    /// <summary>
    /// A name, code or text, shown as <see cref="DisplayText"/> escapes it (a line break or a direction override cannot
    /// make a row of its own or turn a row around); a leading <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> would make Excel
    /// run it as a formula, so such a value gets a leading apostrophe and stays text.
    /// </summary>
    public static string Text(string value)
    {
        var shown = DisplayText.Escape(value);
        return shown.Length > 0 && shown[0] is '=' or '+' or '-' or '@' ? "'" + shown : shown;
    }

    /// <summary>Quotes a field only when it must be (RFC 4180): it holds the separator, a quote or a line break, or edge spaces.</summary>
    public static string Quoted(string field) =>
        field.AsSpan().IndexOfAny(";\"\r\n") >= 0 || (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])))
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
