namespace Invoicing.Cli.Output;

/// <summary>
/// Aligned columns for the terminal; numeric columns right-aligned. Every cell is shown as <see cref="DisplayText"/>
/// escapes it, so a payer's name, a note or a bank's text can neither start a line of its own nor turn the row around.
/// </summary>
internal sealed class TextTable(params (string Title, bool RightAligned)[] columns)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add([.. cells.Select(DisplayText.Escape)]);

    public void AddSeparator() => _rows.Add([]);

    public void WriteTo(TextWriter writer)
    {
        var widths = columns.Select((c, i) => Math.Max(c.Title.Length, _rows.Where(r => r.Length > i).Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        writer.WriteLine(Format(columns.Select(c => c.Title).ToArray(), widths));
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            writer.WriteLine(row.Length == 0 ? string.Join("  ", widths.Select(w => new string('-', w))) : Format(row, widths));
        }
    }

    private string Format(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => columns[i].RightAligned ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd();
}
