using System.Globalization;

namespace Invoicing;

/// <summary>
/// Rules for text that ends up on a document, in an e-mail or in a table: a bounded length (so it fits its place
/// on an A4 page and in storage) and no control characters (a line break or tab would break a header or a
/// layout). Checked where the text enters, so a document can always be made from what was accepted.
/// </summary>
public static class DocumentText
{
    /// <summary>The trimmed text, or a <see cref="FormatException"/> saying what is wrong with it.</summary>
    public static string Check(string value, int maxLength)
    {
        var text = value.Trim();
        if (text.Length > maxLength)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"is {text.Length} characters; at most {maxLength} fit."));
        }

        var control = text.IndexOfAny(ControlCharacters);
        if (control >= 0)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"contains a control character (U+{(int)text[control]:X4}) at position {control + 1}."));
        }

        return text;
    }

    /// <summary>The text as it may be quoted in a one-line message: control characters escaped, long text cut.</summary>
    public static string Quote(string value, int maxLength = 60)
    {
        var escaped = string.Concat(value.Select(c => char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : c.ToString()));
        return escaped.Length <= maxLength ? escaped : escaped[..maxLength] + "…";
    }

    private static readonly char[] ControlCharacters = [.. Enumerable.Range(0, 0x20).Append(0x7F).Concat(Enumerable.Range(0x80, 0x20)).Append(0x2028).Append(0x2029).Select(i => (char)i)];
}
