using System.Globalization;
using System.Text;

namespace Invoicing.Populations.Scb;

/// <summary>
/// Reads SCB's CSV for population per municipality (PxWebApi v2 <c>outputFormat=csv</c> and the
/// Statistikdatabasen export share the layout): an optional quoted title line and blank line, a header of the
/// stub columns (<c>region</c>, then civil status, age, sex) and one column per year, then one row per cell with
/// <c>"CODE name"</c> region labels. UTF-8 (BOM optional) or ISO-8859-1; <c>;</c>, <c>,</c> or tab separated.
/// The CSV names no table and no update time: the table follows from the year, and <c>updated</c> is unknown.
/// </summary>
public static class ScbCsvReader
{
    public static ScbPopulation Read(byte[] bytes, string source, int? year)
    {
        var text = Decode(bytes);
        var records = Csv.CsvRecords.Read(text, Csv.CsvRecords.DetectSeparator(text), source)
            .Select(r => new Csv.CsvRecord(r.LineNumber, [.. r.Fields.Select(f => f.Trim())]))
            .ToList();
        var at = 0;
        string? title = null;
        while (at < records.Count && (records[at].IsBlank || records[at].Fields.Count == 1))
        {
            title ??= records[at].IsBlank ? null : records[at].Fields[0];
            at++;
        }

        if (at >= records.Count)
        {
            throw new ScbDataException($"{source}: no header row; not SCB's CSV.");
        }

        if (title is not null && !title.Contains("Folkmängd", StringComparison.OrdinalIgnoreCase) && !title.Contains("Population", StringComparison.OrdinalIgnoreCase))
        {
            throw new ScbDataException($"{source}: the table '{title}' is not SCB's population per municipality.");
        }

        var header = records[at].Fields;
        var headerLine = records[at].LineNumber;
        var yearColumns = header.Select((h, i) => (Year: TrailingYear(h), i)).Where(c => c.Year is not null).ToArray();
        var stub = header.Take(yearColumns.Length == 0 ? header.Count : yearColumns[0].i).ToArray();
        if (yearColumns.Length == 0 || stub.Length == 0 || !stub[0].StartsWith("region", StringComparison.OrdinalIgnoreCase))
        {
            throw new ScbDataException($"{source}, line {headerLine}: expected a header \"region\";…;\"YEAR\", found '{string.Join(';', header)}'.");
        }

        var years = yearColumns.Select(c => c.Year!.Value).ToArray();
        var chosen = year ?? (years.Length == 1 ? years[0] : throw new ScbDataException(
            $"{source}: holds the years {string.Join(", ", years)}; say which one to import with --year."));
        var column = yearColumns.Where(c => c.Year == chosen).Select(c => (int?)c.i).FirstOrDefault()
            ?? throw new ScbDataException($"{source}: has no column for {chosen} (it holds {string.Join(", ", years)}).");
        var table = ScbTable.ForYear(chosen);

        var cells = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var byMunicipality = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var record in records.Skip(at + 1).Where(r => !r.IsBlank))
        {
            var row = record.Fields;
            var where = $"{source}, line {record.LineNumber}";
            if (row.Count != header.Count)
            {
                throw new ScbDataException($"{where}: {row.Count} fields where the header has {header.Count}; the file is cut off or not SCB's.");
            }

            var region = row[0].Split(' ', 2)[0];
            if (!Municipalities.IsMunicipality(region))
            {
                throw new ScbDataException($"{where}: region '{row[0]}' is not a municipality; import municipalities only.");
            }

            for (var s = 1; s < stub.Length; s++)
            {
                if (table == ScbTable.Tab5557 && !IsTotal(row[s]))
                {
                    throw new ScbDataException(
                        $"{where}: {stub[s]} '{row[s]}' is not a total. From 2025 SCB adds noise to every cell, so parts are never summed: request the total cells.");
                }

                if (stub[s].Contains("ålder", StringComparison.OrdinalIgnoreCase) || stub[s].Equals("age", StringComparison.OrdinalIgnoreCase))
                {
                    if (!IsTotal(row[s]))
                    {
                        throw new ScbDataException($"{where}: {stub[s]} '{row[s]}' is not the total of all ages.");
                    }
                }
            }

            if (!long.TryParse(row[column], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw new ScbDataException($"{where}: the value '{row[column]}' for {row[0]} is not a whole number of 0 or more.");
            }

            var key = string.Join("|", row.Skip(1).Take(stub.Length - 1));
            var seen = cells.TryGetValue(region, out var list) ? list : cells[region] = [];
            if (seen.Contains(key))
            {
                throw new ScbDataException($"{where}: {row[0]} {key} appears twice.");
            }

            seen.Add(key);
            byMunicipality[region] = checked(byMunicipality.GetValueOrDefault(region) + value);
        }

        if (byMunicipality.Count == 0)
        {
            throw new ScbDataException($"{source}: no rows after the header; the file is cut off.");
        }

        // Every municipality must be the sum of the same cells (a cut-off file leaves the last one short).
        var shapes = cells.GroupBy(c => string.Join(";", c.Value.Order(StringComparer.Ordinal)), StringComparer.Ordinal).ToArray();
        if (shapes.Length > 1)
        {
            var odd = shapes.OrderBy(g => g.Count()).First().First();
            throw new ScbDataException($"{source}: region {odd.Key} has {odd.Value.Count} cells where others have {shapes.Max(g => g.First().Value.Count)}; the file is cut off or incomplete.");
        }

        return new ScbPopulation(table, chosen, null, $"file {source} (CSV; table from the year, SCB's update time not stated in a CSV)", byMunicipality);
    }

    private static bool IsTotal(string cell)
    {
        var code = cell.Split(' ', 2)[0];
        return cell.StartsWith("total", StringComparison.OrdinalIgnoreCase) || code is "tot" or "TotSA" or "TotSa" or "SC";
    }

    private static int? TrailingYear(string header)
    {
        var last = header.Split(' ')[^1];
        return last.Length == 4 && int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
    }

    private static string Decode(byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(false, true).GetString(bytes);
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
