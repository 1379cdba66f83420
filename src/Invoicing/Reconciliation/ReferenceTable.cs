using Invoicing.Csv;

namespace Invoicing.Reconciliation;

/// <summary>
/// A table of amounts per party to compare with, such as the spreadsheet finance used until now: CSV with a
/// header, <c>,</c> or <c>;</c>, a party column <c>code</c> or <c>name</c>, and an <c>amount</c> column in kronor.
/// </summary>
public sealed record ReferenceTable(string Source, IReadOnlyList<ReferenceRow> Rows)
{
    public static ReferenceTable Read(string path) => FromCsv(CsvTable.Read(path));

    public static ReferenceTable FromCsv(CsvTable table)
    {
        var byCode = table.HasColumn("code");
        if (!byCode && !table.HasColumn("name"))
        {
            throw new CsvException($"{table.Source}: needs a party column 'code' or 'name' (header: {string.Join(", ", table.Header)}).");
        }

        table.ColumnIndex("amount");
        var rows = table.Rows.Select(row => new ReferenceRow(
            row.LineNumber,
            byCode ? table.OptionalField(row, "code") : null,
            table.OptionalField(row, "name"),
            table.Parse(row, "amount", s => Money.TryParseKronor(s, out var m) ? m : throw new FormatException("not an amount in kronor."))))
            .ToArray();
        return new ReferenceTable(table.Source, rows);
    }
}

/// <summary>One reference row: the party as the table names it, and its amount.</summary>
public sealed record ReferenceRow(int LineNumber, string? Code, string? Name, Money Amount)
{
    public string Label => Code ?? Name ?? $"row {LineNumber}";
}
