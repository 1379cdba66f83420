namespace Invoicing;

/// <summary>
/// The one rule every id shares before its own alphabet is checked (a scheme id, an invoice number, a party code,
/// a payment's or a file's id, from a command line, a route, a JSON field or a file): it is taken exactly as given.
/// A space, tab or line break at its start or end, or a control or direction character anywhere, is refused — never
/// trimmed — so an id that looks right on screen is the id that is used, and a trailing line break cannot slip
/// past a pattern whose <c>$</c> matches before it.
/// </summary>
public static class IdText
{
    /// <summary>Why <paramref name="value"/> cannot be an id as given, or null when nothing is hidden in it.</summary>
    public static string? Problem(string? value) => Problems(value)?.English;

    /// <summary><see cref="Problem"/> in Swedish, for the pages.</summary>
    public static string? SwedishProblem(string? value) => Problems(value)?.Swedish;

    private static (string English, string Swedish)? Problems(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
        {
            return ("has a space or line break at its start or end; an id is taken as given, never trimmed.",
                "har ett mellanslag eller en radbrytning först eller sist; ett id tas som det är, det trimmas aldrig.");
        }

        return DisplayText.IndexOfHidden(value) is var hidden and >= 0
            ? ($"has a control or direction character (U+{(int)value[hidden]:X4}) at position {hidden + 1}.",
                $"har ett styr- eller riktningstecken (U+{(int)value[hidden]:X4}) på position {hidden + 1}.")
            : null;
    }

    /// <summary><paramref name="value"/> as given, or a one-line <see cref="FormatException"/> naming <paramref name="what"/>.</summary>
    public static string Check(string value, string what) =>
        Problem(value) is { } problem ? throw new FormatException($"{what} '{DocumentText.Quote(value)}' {problem}") : value;
}
