using System.Globalization;

namespace Invoicing;

/// <summary>
/// Rules for text that ends up on a document, in an e-mail or in a table: a bounded length (so it fits its place
/// on an A4 page and in storage) and no control characters (a line break or tab would break a header or a
/// layout), no bidirectional override or isolate (it would print the text after it reversed) — every character
/// <see cref="DisplayText"/> would show escaped. Checked where the text enters, so a document can always be made
/// from what was accepted.
/// </summary>
public static class DocumentText
{
    /// <summary>The trimmed text, or a <see cref="FormatException"/> saying what is wrong with it.</summary>
    public static string Check(string value, int maxLength)
    {
        var text = value.Trim();
        return Problem(text, maxLength) is { } problem ? throw new FormatException(problem.English) : text;
    }

    /// <summary>What <see cref="Check"/> refuses <paramref name="value"/> for, in Swedish (as its message goes on, e.g. "är 250 tecken; …"); null when it is accepted.</summary>
    public static string? SwedishProblem(string value, int maxLength) => Problem(value.Trim(), maxLength)?.Swedish;

    private static (string English, string Swedish)? Problem(string text, int maxLength)
    {
        if (text.Length > maxLength)
        {
            return (string.Create(CultureInfo.InvariantCulture, $"is {text.Length} characters; at most {maxLength} fit."),
                string.Create(CultureInfo.InvariantCulture, $"är {text.Length} tecken; högst {maxLength} får plats."));
        }

        var control = DisplayText.IndexOfHidden(text);
        if (control >= 0)
        {
            var isControl = char.IsControl(text[control]);
            return (string.Create(CultureInfo.InvariantCulture, $"contains a {(isControl ? "control" : "direction or separator")} character (U+{(int)text[control]:X4}) at position {control + 1}."),
                string.Create(CultureInfo.InvariantCulture, $"innehåller ett {(isControl ? "styrtecken" : "riktnings- eller avgränsningstecken")} (U+{(int)text[control]:X4}) på position {control + 1}."));
        }

        return null;
    }

    /// <summary>The text as it may be quoted in a one-line message: escaped as <see cref="DisplayText"/> shows it, long text cut.</summary>
    public static string Quote(string value, int maxLength = 60)
    {
        var escaped = DisplayText.Escape(value);
        return escaped.Length <= maxLength ? escaped : escaped[..maxLength] + "…";
    }
}
