using System.Text;

namespace Invoicing.Csv;

/// <summary>
/// The one reader of CSV records for every file the product reads (datasets, reference tables, SCB's exports): RFC 4180
/// as spreadsheets write it. A field in double quotes may hold the separator, <c>""</c> for a quote, and line breaks
/// (Excel writes a cell with Alt+Enter that way), so records are found by reading quotes, never by splitting lines
/// first. A quote only opens a quoted field at the field's start (after blanks); elsewhere it is text. CRLF, LF and
/// CR end a record. Each record keeps the line it starts on, so an error can name it.
/// </summary>
public static class CsvRecords
{
    /// <summary>
    /// The separator the text uses: of <c>;</c>, tab and <c>,</c>, the one found most often outside quotes in its first
    /// lines (<c>;</c> first on a tie, as a Swedish Excel writes it), or <c>,</c> when there is none.
    /// </summary>
    public static char DetectSeparator(string text, int lines = 5)
    {
        var counts = new Dictionary<char, int> { [';'] = 0, ['\t'] = 0, [','] = 0 };
        var quoted = false;
        var seenLines = 0;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '\n' && ++seenLines >= lines)
            {
                break;
            }
            else if (!quoted && counts.TryGetValue(c, out var count))
            {
                counts[c] = count + 1;
            }
        }

        var best = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key switch { ';' => 0, '\t' => 1, _ => 2 }).First();
        return best.Value > 0 ? best.Key : ',';
    }

    /// <summary>The records of <paramref name="text"/> (a leading BOM is skipped); a quoted field left open is an error naming its line.</summary>
    public static IEnumerable<CsvRecord> Read(string text, char separator, string source)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var recordLine = 1;
        var quoteLine = 1;
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
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
                    if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    {
                        line++;
                    }

                    field.Append(c);
                }
            }
            else if (c == '"' && IsBlank(field))
            {
                field.Clear();
                quoted = true;
                quoteLine = line;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return new CsvRecord(recordLine, fields);
                fields = [];
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new CsvException($"{source}, row {quoteLine}: a quoted field is not closed.");
        }

        if (fields.Count > 0 || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, fields);
        }
    }

    private static bool IsBlank(StringBuilder field)
    {
        for (var i = 0; i < field.Length; i++)
        {
            if (!char.IsWhiteSpace(field[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>One record: the line it starts on and its fields, unquoted and untrimmed.</summary>
public sealed record CsvRecord(int LineNumber, IReadOnlyList<string> Fields)
{
    /// <summary>True for an empty line, or one of separators and blanks only.</summary>
    public bool IsBlank => Fields.All(f => f.Trim().Length == 0);
}
