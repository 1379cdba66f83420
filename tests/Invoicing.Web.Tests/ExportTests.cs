using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Invoicing.Csv;
using Invoicing.Web.Exports;

namespace Invoicing.Web.Tests;

/// <summary>A year's invoices as one ZIP of PDFs, and as the ledger CSV that Excel and the finance system read.</summary>
[Collection(WebCollection.Name)]
public sealed class ExportTests(WebFixture fixture)
{
    [Fact]
    public async Task The_zip_holds_every_invoice_pdf_of_the_year_named_after_its_number()
    {
        var recorded = (await fixture.Shared.InvoicesAsync()).ToDictionary(i => $"faktura-{i.Number}.pdf");

        using var response = await fixture.Shared.Reader().GetAsync("/api/schemes/region-mitt-pom/years/2026/invoices.zip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("fakturor-region-mitt-pom-2026.zip", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        Assert.Equal(30, zip.Entries.Count);
        Assert.Equal(recorded.Keys.Order(StringComparer.Ordinal), zip.Entries.Select(e => e.FullName));
        foreach (var entry in zip.Entries)
        {
            using var content = new MemoryStream();
            await using (var stream = await entry.OpenAsync())
            {
                await stream.CopyToAsync(content);
            }

            Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(content.GetBuffer(), 0, 5), StringComparison.Ordinal);
            Assert.Equal(recorded[entry.FullName].PdfSha256, Convert.ToHexStringLower(SHA256.HashData(content.ToArray())));
        }
    }

    [Fact]
    public async Task The_zip_is_streamed_as_it_is_written_without_a_precomputed_length()
    {
        using var response = await fixture.Shared.Reader().GetAsync("/api/schemes/region-mitt-pom/years/2026/invoices.zip", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task The_ledger_is_utf8_with_bom_semicolon_separated_with_decimal_commas_and_iso_dates()
    {
        using var response = await fixture.Shared.Reader().GetAsync("/api/schemes/region-mitt-pom/years/2026/ledger.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("reskontra-region-mitt-pom-2026.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal("Fakturanummer;Kundkod;Kund;Fakturadatum;Förfallodatum;Belopp;Betalt;Kvar;Status;OCR;Typ;Avser faktura;Krediterat;Att återbetala;Återbetalt", lines[0]);
        Assert.Equal(32, lines.Length);
        Assert.Equal("", lines[^1]);
        Assert.Contains("202600014;1980;Västerås kommun;2026-01-20;2026-02-19;43035,00;0,00;43035,00;förfallen;20260001415;Faktura;;0,00;0,00;0,00", lines);
        Assert.All(lines[1..^1], line => Assert.Equal(15, line.Split(';').Length));
    }

    [Fact]
    public async Task The_ledger_as_excel_has_the_csvs_rows_with_amounts_as_numbers_and_dates_as_dates()
    {
        using var response = await fixture.Shared.Reader().GetAsync("/api/schemes/region-mitt-pom/years/2026/ledger.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LedgerXlsx.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("reskontra-region-mitt-pom-2026.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = Cells(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(31, rows.Count);
        Assert.Equal(["Fakturanummer", "Kundkod", "Kund", "Fakturadatum", "Förfallodatum", "Belopp"], rows[0][..6].Select(c => c.Text));
        var vasteras = rows.Single(r => r[0].Text == "202600014");
        Assert.Equal(("1980", "Västerås kommun"), (vasteras[1].Text, vasteras[2].Text));
        // 2026-01-20 as an Excel serial date (days since 1899-12-30), styled as a date; 43 035 kr as a number.
        Assert.Equal((new DateOnly(2026, 1, 20).DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(System.Globalization.CultureInfo.InvariantCulture), vasteras[3].Text);
        Assert.True(vasteras[3].Styled);
        Assert.Equal(("43035", true), (vasteras[5].Text.Split('.')[0], vasteras[5].Number));
    }

    [Fact]
    public async Task The_aging_report_as_excel_is_named_by_its_day_and_its_totals_row_equals_the_apis_totals()
    {
        using var json = await fixture.Shared.Reader().GetAsync("/api/schemes/region-mitt-pom/years/2026/aging?asOf=2026-12-31");
        using var response = await fixture.Shared.Reader().GetAsync("/api/schemes/region-mitt-pom/years/2026/aging.xlsx?asOf=2026-12-31");
        using var bad = await fixture.Shared.Reader().GetAsync("/api/schemes/region-mitt-pom/years/2026/aging.xlsx?asOf=2026-13-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("aldersanalys-region-mitt-pom-2026-2026-12-31.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = Cells(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Kundkod", "Kund", "Ej förfallet", "1–30 dagar", "31–60 dagar", "61–90 dagar", "Över 90 dagar", "Totalt"], rows[0].Select(c => c.Text));
        using var report = System.Text.Json.JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var total = report.RootElement.GetProperty("totals").GetProperty("total").GetDecimal();
        Assert.Equal(total, decimal.Parse(rows[^1][7].Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(report.RootElement.GetProperty("rows").GetArrayLength() + 2, rows.Count);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    /// <summary>The first sheet's cells, read with the Open XML SDK: text, whether the cell is a number, whether it has a style (a date's format).</summary>
    private static List<(string Text, bool Number, bool Styled)[]> Cells(byte[] file)
    {
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(file), false);
        var data = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.SheetData>()!;
        return [.. data.Elements<DocumentFormat.OpenXml.Spreadsheet.Row>().Select(row => row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .Select(c => (
                c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? "",
                c.InlineString is null && c.CellValue is not null && (c.DataType is null || c.DataType.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.Number),
                c.StyleIndex is not null && c.StyleIndex.Value != 0))
            .ToArray())];
    }

    [Fact]
    public void Ledger_fields_are_quoted_only_when_needed_and_names_cannot_become_formulas()
    {
        Assert.Equal("-100,00", ExcelCsv.Amount(new Money(-10_000)));
        Assert.Equal("43035,05", ExcelCsv.Amount(new Money(4_303_505)));
        Assert.Equal("'=HYPERLINK(\"x\")", ExcelCsv.Text("=HYPERLINK(\"x\")"));
        Assert.Equal("'+46", ExcelCsv.Text("+46"));
        Assert.Equal("Håbo kommun", ExcelCsv.Text("Håbo kommun"));
        Assert.Equal("Håbo kommun", ExcelCsv.Quoted("Håbo kommun"));
        Assert.Equal("\"Kommun; norra\"", ExcelCsv.Quoted("Kommun; norra"));
        Assert.Equal("\"Säg \"\"hej\"\"\"", ExcelCsv.Quoted("Säg \"hej\""));
        Assert.Equal("\"rad\nrad\"", ExcelCsv.Quoted("rad\nrad"));
        Assert.Equal("\" kant\"", ExcelCsv.Quoted(" kant"));
    }
}
