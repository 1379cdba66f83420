using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Invoicing.Invoices;
using Invoicing.Reports;
using Invoicing.Web.Exports;

namespace Invoicing.Web.Tests;

/// <summary>The ledger and the aging report as .xlsx, opened again with the Open XML SDK and read cell by cell.</summary>
[Collection(WebCollection.Name)]
public sealed class XlsxExportTests(WebFixture fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(WebWorld.Today.UtcDateTime);

    [Fact]
    public async Task The_ledger_xlsx_has_Swedish_headings_a_frozen_header_amounts_as_numbers_and_dates_as_dates()
    {
        var documents = await fixture.Shared.InvoicesAsync();

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(LedgerXlsx.Ledger(DocumentChain.BalancesOf(documents), Today)), false);

        var (sheet, rows) = Sheet(workbook);
        Assert.Equal("Reskontra", workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
        Assert.Equal(LedgerCsv.Header, rows[0].Elements<Cell>().Select(Text));
        Assert.True(Font(workbook, rows[0].Elements<Cell>().First()).Bold is not null);
        var pane = sheet.Worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
        Assert.Equal((PaneStateValues.Frozen, "A2", 1.0), (pane.State!.Value, pane.TopLeftCell!.Value, pane.VerticalSplit!.Value));
        Assert.Equal(documents.Count + 1, rows.Count);

        var row = rows.Single(r => Text(r.Elements<Cell>().First()) == "202600014").Elements<Cell>().ToArray();
        Assert.Equal(("1980", "Västerås kommun"), (Text(row[1]), Text(row[2])));
        // Dates: Excel's day numbers with a date format; amounts: numbers with # ##0,00 (built-in format 4).
        Assert.Equal(new DateOnly(2026, 1, 20).DayNumber - new DateOnly(1899, 12, 30).DayNumber, int.Parse(row[3].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("yyyy-mm-dd", FormatCode(workbook, row[3]));
        Assert.Equal(new DateOnly(2026, 2, 19), DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(row[4].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(("43035.00", CellValues.Number), (row[5].CellValue!.Text, row[5].DataType!.Value));
        Assert.Equal(4u, Format(workbook, row[5]).NumberFormatId!.Value);
        Assert.Equal(("0.00", "43035.00"), (row[6].CellValue!.Text, row[7].CellValue!.Text));
        Assert.Equal(("förfallen", "20260001415", "Faktura"), (Text(row[8]), Text(row[9]), Text(row[10])));
        Assert.Equal(375_000m, rows.Skip(1).Sum(r => decimal.Parse(r.Elements<Cell>().ElementAt(5).CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_aging_xlsx_has_a_row_per_debtor_and_a_totals_row_of_numbers()
    {
        var report = AgingReport.Of(new SchemeId(WebWorld.Scheme), 2026, await fixture.Shared.InvoicesAsync(), Today);

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(LedgerXlsx.Aging(report)), false);

        var (_, rows) = Sheet(workbook);
        Assert.Equal(["Kundkod", "Kund", "Ej förfallet", "1–30 dagar", "31–60 dagar", "61–90 dagar", "Över 90 dagar", "Totalt"], rows[0].Elements<Cell>().Select(Text));
        Assert.Equal(report.Rows.Count + 2, rows.Count);
        var total = rows[^1].Elements<Cell>().ToArray();
        Assert.Equal(("Per 2026-03-02", "Summa"), (Text(total[0]), Text(total[1])));
        Assert.Equal(["0.00", "375000.00", "0.00", "0.00", "0.00", "375000.00"], total[2..].Select(c => c.CellValue!.Text));
        Assert.All(total[2..], c => Assert.Equal(CellValues.Number, c.DataType!.Value));
    }

    [Fact]
    public void The_statement_xlsx_has_a_row_per_entry_with_the_running_balance_and_what_is_to_pay()
    {
        var number = new InvoiceNumber(2026, 14);
        var statement = new Statement(new SchemeId(WebWorld.Scheme), 2026, new Invoicing.Parties.PartyCode("1980"), "Västerås kommun", new DateOnly(2026, 3, 2),
        [
            new(new DateOnly(2026, 1, 20), StatementEntryKind.Invoice, number, "Faktura", new Money(4_303_500), Money.Zero, new Money(4_303_500)),
            new(new DateOnly(2026, 2, 10), StatementEntryKind.Payment, number, "Inbetalning", Money.Zero, new Money(1_000_050), new Money(3_303_450)),
        ]);

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(LedgerXlsx.Statement(statement)), false);

        var (sheet, rows) = Sheet(workbook);
        Assert.Equal("Kontoutdrag", workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
        Assert.Equal(["Datum", "Dokument", "Text", "Debet", "Kredit", "Saldo"], rows[0].Elements<Cell>().Select(Text));
        var pane = sheet.Worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
        Assert.Equal((PaneStateValues.Frozen, "A2"), (pane.State!.Value, pane.TopLeftCell!.Value));
        Assert.Equal(4, rows.Count);
        var payment = rows[2].Elements<Cell>().ToArray();
        Assert.Equal(new DateOnly(2026, 2, 10), DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(payment[0].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal("yyyy-mm-dd", FormatCode(workbook, payment[0]));
        Assert.Equal(("202600014", "Inbetalning"), (Text(payment[1]), Text(payment[2])));
        Assert.Equal(["0.00", "10000.50", "33034.50"], payment[3..].Select(c => c.CellValue!.Text));
        Assert.All(payment[3..], c => Assert.Equal((CellValues.Number, 4u), (c.DataType!.Value, Format(workbook, c).NumberFormatId!.Value)));
        var closing = rows[3].Elements<Cell>().ToArray();
        Assert.Equal(("Att betala per 2026-03-02", "33034.50"), (Text(closing[2]), closing[5].CellValue!.Text));
    }

    private static (WorksheetPart Sheet, List<Row> Rows) Sheet(SpreadsheetDocument workbook)
    {
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single();
        return (sheet, sheet.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList());
    }

    private static string Text(Cell cell)
    {
        Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
        return cell.InlineString!.Text!.Text;
    }

    private static CellFormat Format(SpreadsheetDocument workbook, Cell cell) =>
        workbook.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    private static Font Font(SpreadsheetDocument workbook, Cell cell) =>
        workbook.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)Format(workbook, cell).FontId!.Value);

    private static string FormatCode(SpreadsheetDocument workbook, Cell cell) =>
        workbook.WorkbookPart!.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Single(f => f.NumberFormatId!.Value == Format(workbook, cell).NumberFormatId!.Value).FormatCode!.Value!;
}
