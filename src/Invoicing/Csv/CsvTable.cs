using System.Text;

namespace Invoicing.Csv;

/// <summary>
/// A small CSV table as finance staff and spreadsheets write them: a header row, <c>,</c> or <c>;</c> as the
/// separator (whichever the header uses), optional double quotes with <c>""</c> escapes, UTF-8 with or
/// without BOM. Rows keep their line numbers so errors can name them.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string source, IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
    {
        Source = source;
        Header = header;
        Rows = rows;
        _columns = header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The file name errors refer to.</summary>
    public string Source { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public bool HasColumn(string name) => _columns.ContainsKey(name);

    public int ColumnIndex(string name) =>
        _columns.TryGetValue(name, out var index)
            ? index
            : throw new CsvException($"{Source}: column '{name}' is missing (header: {string.Join(", ", Header)}).");

    public static CsvTable Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CsvException($"{path}: file not found.");
        }

        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException)
        {
            throw new CsvException($"{Path.GetFileName(path)}: not UTF-8 text; save it as \"CSV UTF-8\" (a Windows-1252 or ISO-8859-1 export mangles å, ä and ö).");
        }

        return Parse(Path.GetFileName(path), text);
    }

    public static CsvTable Parse(string source, string text)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var headerIndex = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (headerIndex < 0)
        {
            throw new CsvException($"{source}: the file is empty; a header row is needed.");
        }

        var separator = lines[headerIndex].Count(c => c == ';') > lines[headerIndex].Count(c => c == ',') ? ';' : ',';
        var header = SplitLine(lines[headerIndex], separator, source, headerIndex + 1).Select(h => h.Trim()).ToArray();

        // Spreadsheets export trailing separators as empty column names; those columns are ignored.
        while (header.Length > 0 && header[^1].Length == 0)
        {
            header = header[..^1];
        }

        var repeated = header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new CsvException($"{source}, row {headerIndex + 1}: column '{repeated.Key}' appears {repeated.Count()} times in the header.");
        }
        var rows = new List<CsvRow>();
        for (var i = headerIndex + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Trim(separator).Length == 0)
            {
                continue;
            }

            var fields = SplitLine(lines[i], separator, source, i + 1);
            if (fields.Count > header.Length && fields.Skip(header.Length).Any(f => f.Trim().Length > 0))
            {
                throw new CsvException($"{source}, row {i + 1}: {fields.Count} fields, but the header has {header.Length}.");
            }

            rows.Add(new CsvRow(source, i + 1, fields.Take(header.Length).Concat(Enumerable.Repeat("", Math.Max(0, header.Length - fields.Count))).ToArray()));
        }

        return new CsvTable(source, header, rows);
    }

    public string Field(CsvRow row, string column) => row.Fields[ColumnIndex(column)].Trim();

    public string? OptionalField(CsvRow row, string column)
    {
        if (!HasColumn(column))
        {
            return null;
        }

        var value = Field(row, column);
        return value.Length == 0 ? null : value;
    }

    /// <summary>Runs a parse on a field; a failure names file, row and field.</summary>
    public T Parse<T>(CsvRow row, string column, Func<string, T> parse)
    {
        var value = Field(row, column);
        try
        {
            return parse(value);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new CsvException($"{Source}, row {row.LineNumber}, field {column}: '{Documents.DocumentText.Quote(value)}': {e.Message}");
        }
    }

    private static List<string> SplitLine(string line, char separator, string source, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new CsvException($"{source}, row {lineNumber}: a quoted field is not closed.");
        }

        fields.Add(field.ToString());
        return fields;
    }
}

/// <summary>One data row with its line number in the file.</summary>
public sealed record CsvRow(string Source, int LineNumber, IReadOnlyList<string> Fields);
