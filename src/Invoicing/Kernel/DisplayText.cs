using System.Globalization;
using System.Text;

namespace Invoicing;

/// <summary>
/// The one rule for showing text that came from outside (a payer's name, a note, a bank's text, a file name) to a
/// person: in a terminal, a report or on the page. A character that moves the cursor or the reading order instead
/// of showing itself — a C0 or C1 control (CR, LF, TAB, ESC, NEL…), a line or paragraph separator, a bidirectional
/// override, embedding, isolate or mark, or half a surrogate pair — is shown escaped as <c>\uXXXX</c>, so a name
/// can neither start a line of its own (a forged "booked" line) nor turn the text after it around. Printable text,
/// Swedish letters included, is shown as it is.
/// </summary>
public static class DisplayText
{
    /// <summary>True for a character that <see cref="Escape"/> escapes (a lone surrogate is judged in its text).</summary>
    public static bool IsHidden(char c) =>
        char.IsControl(c)
        || c is '\u2028' or '\u2029'
        || c is '\u061C' or '\u200E' or '\u200F'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    /// <summary>The position of the first character <see cref="Escape"/> would escape, or -1.</summary>
    public static int IndexOfHidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (EscapesAt(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The text with every hidden character (<see cref="IsHidden"/>) and every lone surrogate as <c>\uXXXX</c>.</summary>
    public static string Escape(string? text)
    {
        if (text is null)
        {
            return "";
        }

        var first = IndexOfHidden(text);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (EscapesAt(text, i))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static bool EscapesAt(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        }

        return IsHidden(c);
    }
}
