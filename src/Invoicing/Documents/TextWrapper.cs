namespace Invoicing.Documents;

/// <summary>
/// Greedy word wrapping for a column of a given width. Lines break only at ordinary spaces, so the no-break
/// spaces inside amounts and figures (<see cref="SwedishFormat.GroupSeparator"/>) keep them on one line; a word
/// wider than the column on its own is split between characters rather than allowed to run out of it.
/// </summary>
internal static class TextWrapper
{
    public static IReadOnlyList<string> Wrap(string text, double maxWidth, Func<string, double> measure)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (measure(candidate) <= maxWidth)
            {
                line = candidate;
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }

            line = word;
            while (line.Length > 1 && measure(line) > maxWidth)
            {
                var fits = LongestFittingPrefix(line, maxWidth, measure);
                lines.Add(line[..fits]);
                line = line[fits..];
            }
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>At least one character, so splitting always makes progress.</summary>
    private static int LongestFittingPrefix(string word, double maxWidth, Func<string, double> measure)
    {
        var length = 1;
        while (length < word.Length && measure(word[..(length + 1)]) <= maxWidth)
        {
            length++;
        }

        return length;
    }
}
