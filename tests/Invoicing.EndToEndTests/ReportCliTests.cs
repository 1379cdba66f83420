using System.Text.Json;
using Invoicing.Testing;

namespace Invoicing.EndToEndTests;

/// <summary>
/// <c>./invoicing report aging</c> after the demo, on the demo's pinned day (2026-12-04: 29 invoices issued that day,
/// due 2027-01-04), with a payment by hand and a void: the table in Swedish format and the JSON the API also answers.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportCliTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task The_aging_report_counts_payments_and_credit_notes_and_ages_what_is_due_from_each_due_date()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));
        var invoices = await ListAsync(cli);
        var due = invoices[0].GetProperty("dueDate").GetString()!;
        var sala = invoices.Single(i => i.GetProperty("debtorCode").GetString() == "1981");
        var voided = invoices[0];
        Ok(await cli.RunAsync("payments", "register", sala.GetProperty("number").GetString()!, "--amount", "1 051,00", "--date", "2026-12-01", "--note", "delbetalning"));
        Ok(await cli.RunAsync("invoices", "void", voided.GetProperty("number").GetString()!, "--year", "2026", "--reason", "Fel mottagare"));

        var today = Ok(await cli.RunAsync("report", "aging", "--year", "2026")).Stdout;
        output.WriteLine(today);
        var late = JsonDocument.Parse(Ok(await cli.RunAsync("report", "aging", "--year", "2026", "--as-of", "2027-02-04", "--json")).Stdout).RootElement;

        // Today nothing is late; the table is in Swedish, amounts as on the documents.
        Assert.StartsWith("Åldersanalys region-mitt-pom 2026 per 2026-12-04: dagar efter förfallodagen.", today, StringComparison.Ordinal);
        Assert.Matches(@"\nKund\s+Namn\s+Ej förfallet  1–30 dagar  31–60 dagar  61–90 dagar  Över 90 dagar\s+Totalt\n", today);
        Assert.Matches(@"1981\s+Sala kommun\s+5\u00A0000,00\u00A0kr\s+0,00\u00A0kr\s+0,00\u00A0kr\s+0,00\u00A0kr\s+0,00\u00A0kr\s+5\u00A0000,00\u00A0kr", today);
        Assert.DoesNotContain(voided.GetProperty("debtorCode").GetString() + " ", today, StringComparison.Ordinal);
        Assert.Contains("28 kunder", today, StringComparison.Ordinal);

        // 31 days after the due date (2027-01-04): everything still due is in 31–60, the totals are the list's amounts due.
        var listed = await ListAsync(cli);
        var stillDue = listed.Where(i => i.GetProperty("amountDue").GetDecimal() > 0).ToArray();
        Assert.Equal("2027-01-04", due);
        Assert.Equal("2027-02-04", late.GetProperty("asOf").GetString());
        var rows = late.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(stillDue.Select(i => i.GetProperty("debtorCode").GetString()).Order(StringComparer.Ordinal), rows.Select(r => r.GetProperty("debtorCode").GetString()));
        Assert.Equal("5000.00", rows.Single(r => r.GetProperty("debtorCode").GetString() == "1981").GetProperty("days31To60").GetRawText());
        var totals = late.GetProperty("totals");
        Assert.Equal(stillDue.Sum(i => i.GetProperty("amountDue").GetDecimal()), totals.GetProperty("days31To60").GetDecimal());
        Assert.Equal(totals.GetProperty("days31To60").GetDecimal(), totals.GetProperty("total").GetDecimal());
        Assert.Equal(331_965m - 1_051m - voided.GetProperty("amount").GetDecimal(), totals.GetProperty("total").GetDecimal());

        // The same report and the ledger as Excel files, read back: numbers as numbers, the CSV still there.
        var agingFile = Path.Combine(cli.WorkingDirectory, "aldersanalys.xlsx");
        var ledgerFile = Path.Combine(cli.WorkingDirectory, "reskontra.xlsx");
        var csvFile = Path.Combine(cli.WorkingDirectory, "reskontra.csv");
        var wroteAging = Ok(await cli.RunAsync("report", "aging", "--year", "2026", "--as-of", "2027-02-04", "--out", agingFile)).Stdout;
        var wroteLedger = Ok(await cli.RunAsync("export", "ledger", "--year", "2026", "--format", "xlsx", "--out", ledgerFile)).Stdout;
        Ok(await cli.RunAsync("export", "ledger", "--year", "2026", "--format", "csv", "--out", csvFile));
        output.WriteLine(wroteLedger);

        Assert.Contains($"Wrote {agingFile}: the aging report as Excel (.xlsx).", wroteAging, StringComparison.Ordinal);
        Assert.Equal($"Wrote {ledgerFile}: the ledger of region-mitt-pom 2026, 30 documents, as Excel (.xlsx).", wroteLedger.Trim());
        var agingRows = Cells(agingFile);
        Assert.Equal(["Kundkod", "Kund", "Ej förfallet", "1–30 dagar", "31–60 dagar", "61–90 dagar", "Över 90 dagar", "Totalt"], agingRows[0]);
        Assert.Equal(["1981", "Sala kommun", "0.00", "0.00", "5000.00", "0.00", "0.00", "5000.00"], agingRows.Single(r => r[0] == "1981"));
        Assert.Equal(totals.GetProperty("total").GetDecimal().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), agingRows[^1][7]);
        var ledgerRows = Cells(ledgerFile);
        Assert.Equal(31, ledgerRows.Count);
        Assert.Equal("Fakturanummer", ledgerRows[0][0]);
        var credit = ledgerRows.Single(r => r[10] == "Kreditfaktura");
        Assert.Equal((voided.GetProperty("number").GetString(), ""), (credit[11], credit[4]));
        var csv = File.ReadAllBytes(csvFile);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.StartsWith("Fakturanummer;Kundkod;Kund;", System.Text.Encoding.UTF8.GetString(csv[3..]), StringComparison.Ordinal);
    }

    /// <summary>The first sheet's cells as text: inline strings as written, numbers as their invariant value, empty cells "".</summary>
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

    private static async Task<JsonElement[]> ListAsync(CliRunner cli)
    {
        var result = Ok(await cli.RunAsync("invoices", "list", "--year", "2026", "--json"));
        return JsonDocument.Parse(result.Stdout).RootElement.Clone().EnumerateArray().ToArray();
    }
}
