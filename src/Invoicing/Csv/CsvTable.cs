using System.Text;

namespace Invoicing.Csv;

/// <summary>
/// A small CSV table as finance staff and spreadsheets write them: a header row, <c>,</c>, <c>;</c> or tab as the
/// separator (whichever the file uses), records as <see cref="CsvRecords"/> reads them (quoted fields with
/// separators, <c>""</c> and line breaks), UTF-8 with or without BOM. Rows keep the line they start on so errors can
/// name them.
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
        var records = CsvRecords.Read(text, CsvRecords.DetectSeparator(text), source).Where(r => !r.IsBlank).ToList();
        if (records.Count == 0)
        {
            throw new CsvException($"{source}: the file is empty; a header row is needed.");
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToArray();

        // Spreadsheets export trailing separators as empty column names; those columns are ignored.
        while (header.Length > 0 && header[^1].Length == 0)
        {
            header = header[..^1];
        }

        var repeated = header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new CsvException($"{source}, row {records[0].LineNumber}: column '{repeated.Key}' appears {repeated.Count()} times in the header.");
        }

        var rows = new List<CsvRow>();
        foreach (var record in records.Skip(1))
        {
            var fields = record.Fields;
            if (fields.Count > header.Length && fields.Skip(header.Length).Any(f => f.Trim().Length > 0))
            {
                throw new CsvException($"{source}, row {record.LineNumber}: {fields.Count} fields, but the header has {header.Length}.");
            }

            rows.Add(new CsvRow(source, record.LineNumber, fields.Take(header.Length).Concat(Enumerable.Repeat("", Math.Max(0, header.Length - fields.Count))).ToArray()));
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
            throw new CsvException($"{Source}, row {row.LineNumber}, field {column}: '{Invoicing.DocumentText.Quote(value)}': {e.Message}");
        }
    }
}

/// <summary>One data row with its line number in the file.</summary>
public sealed record CsvRow(string Source, int LineNumber, IReadOnlyList<string> Fields);
