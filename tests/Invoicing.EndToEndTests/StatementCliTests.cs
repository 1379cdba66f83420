using Invoicing.Testing;

namespace Invoicing.EndToEndTests;

/// <summary>
/// <c>./invoicing statement PARTY --year Y</c> after the demo (2026-12-04): the statement of a party that paid in two
/// parts, more than it owed, and of one whose invoice was voided, as PDF (read by poppler) and as Excel; and the
/// one-line errors for an unknown party and a year without its invoices.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StatementCliTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task The_statement_lists_the_partys_documents_and_payments_with_the_running_balance_and_what_is_owed_back()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));
        // Knivsta (0330) is invoiced 3 897,00 kr as 202600003 and pays 1 000 kr, then 3 500 kr: 603 kr too much.
        Ok(await cli.RunAsync("payments", "register", "202600003", "--amount", "1000,00", "--date", "2026-12-04"));
        Ok(await cli.RunAsync("payments", "register", "202600003", "--amount", "3500,00", "--date", "2026-12-04"));
        Ok(await cli.RunAsync("invoices", "void", "202600001", "--year", "2026", "--reason", "Fel mottagare"));
        var folder = Path.Combine(cli.WorkingDirectory, "kontoutdrag");

        var wrote = Ok(await cli.RunAsync("statement", "0330", "--year", "2026", "--out", folder)).Stdout;
        var wroteXlsx = Ok(await cli.RunAsync("statement", "0330", "--year", "2026", "--out", folder, "--format", "xlsx")).Stdout;
        var voided = Ok(await cli.RunAsync("statement", "0305", "--year", "2026", "--out", folder)).Stdout;
        output.WriteLine(wrote + wroteXlsx + voided);

        var pdf = Path.Combine(folder, "kontoutdrag-region-mitt-pom-2026-0330.pdf");
        Assert.Equal($"Wrote {pdf}: the statement of 0330 Knivsta kommun in region-mitt-pom 2026 as of 2026-12-04, 3 entries, to be paid back 603,00\u00A0kr.", wrote.Trim());
        var text = Pdftotext(pdf).Replace('\u00A0', ' ');
        output.WriteLine(text);
        Assert.Contains("Kontoutdrag", text, StringComparison.Ordinal);
        Assert.Matches(@"2026-12-04\s+202600003\s+Faktura\s+3 897,00\s+3 897,00\n", text);
        Assert.Matches(@"2026-12-04\s+202600003\s+Inbetalning\s+1 000,00\s+2 897,00\n", text);
        Assert.Matches(@"2026-12-04\s+202600003\s+Inbetalning\s+3 500,00\s+-603,00\n", text);
        Assert.Matches(@"Att återbetala\s+603,00 kr", text);
        Assert.Contains("Sida 1 av 1", text, StringComparison.Ordinal);

        // On one day the document comes before the payments on it.
        var rows = Cells(Path.Combine(folder, "kontoutdrag-region-mitt-pom-2026-0330.xlsx"));
        Assert.Equal(["Datum", "Dokument", "Text", "Debet", "Kredit", "Saldo"], rows[0]);
        Assert.Equal(["202600003", "Faktura", "3897.00", "0.00", "3897.00"], rows[1][1..]);
        Assert.Equal(["202600003", "Inbetalning", "0.00", "3500.00", "-603.00"], rows[3][1..]);
        Assert.Equal(["", "", "Att återbetala per 2026-12-04", "", "", "603.00"], rows[^1]);

        // A voided invoice and its credit note: nothing to pay.
        Assert.EndsWith("2 entries, to pay 0,00\u00A0kr.", voided.Trim(), StringComparison.Ordinal);
        Assert.Matches(@"Kreditfaktura avseende faktura\s+", Pdftotext(Path.Combine(folder, "kontoutdrag-region-mitt-pom-2026-0305.pdf")));

        var unknown = await cli.RunAsync("statement", "9999", "--year", "2026", "--out", folder);
        var noYear = await cli.RunAsync("statement", "0330", "--year", "2025", "--out", folder);
        Assert.Equal((1, "error: Party 9999 is not in the party table."), (unknown.ExitCode, unknown.Stderr.Trim()));
        Assert.Equal((1, "error: Party 0330 has no invoices in scheme region-mitt-pom, year 2025."), (noYear.ExitCode, noYear.Stderr.Trim()));
    }

    private static string Pdftotext(string pdf)
    {
        var start = new System.Diagnostics.ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, ArgumentList = { "-layout", pdf, "-" } };
        using var process = System.Diagnostics.Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text;
    }

    private static List<string[]> Cells(string file)
    {
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(file, false);
        var data = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.SheetData>()!;
        return [.. data.Elements<DocumentFormat.OpenXml.Spreadsheet.Row>().Select(row => row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .Select(c => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? "").ToArray())];
    }

    private static CliResult Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
