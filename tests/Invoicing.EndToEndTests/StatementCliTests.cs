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
        // Payments of one day are listed in the order they were booked; each CLI process starts its clock at cli.Today,
        // so the second one is booked an hour later, or a slow first process could book after a quick second.
        Ok(await cli.RunAsync("payments", "register", "202600003", "--amount", "1000,00", "--date", "2026-12-04"));
        cli.Today = "2026-12-04 11:00:00";
        Ok(await cli.RunAsync("payments", "register", "202600003", "--amount", "3500,00", "--date", "2026-12-04"));
        cli.Today = CliRunner.DemoDay;
        Ok(await cli.RunAsync("invoices", "void", "202600001", "--year", "2026", "--reason", "Fel mottagare"));
        var folder = Path.Combine(cli.WorkingDirectory, "kontoutdrag");

        var wrote = Ok(await cli.RunAsync("statement", "0330", "--year", "2026", "--out", folder)).Stdout;
        var wroteXlsx = Ok(await cli.RunAsync("statement", "0330", "--year", "2026", "--out", folder, "--format", "xlsx")).Stdout;
        var voided = Ok(await cli.RunAsync("statement", "0305", "--year", "2026", "--out", folder)).Stdout;
        output.WriteLine(wrote + wroteXlsx + voided);

        var pdf = Path.Combine(folder, "kontoutdrag-region-mitt-pom-2026-0330.pdf");
        Assert.Equal($"Wrote {pdf}: the statement of 0330 Knivsta kommun in region-mitt-pom 2026 as of 2026-12-04, 3 entries, to be paid back 603,00\u00A0kr.", wrote.Trim());
        var text = PdfText.OfFile(pdf).Replace('\u00A0', ' ');
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
        Assert.Matches(@"Kreditfaktura avseende faktura\s+", PdfText.OfFile(Path.Combine(folder, "kontoutdrag-region-mitt-pom-2026-0305.pdf")));

        var unknown = await cli.RunAsync("statement", "9999", "--year", "2026", "--out", folder);
        var noYear = await cli.RunAsync("statement", "0330", "--year", "2025", "--out", folder);
        Assert.Equal((1, "error: Party 9999 is not in the party table."), (unknown.ExitCode, unknown.Stderr.Trim()));
        Assert.Equal((1, "error: Party 0330 has no invoices in scheme region-mitt-pom, year 2025."), (noYear.ExitCode, noYear.Stderr.Trim()));

        // The demo's parties have no e-mail address: nothing to send to, nothing queued.
        var unaddressed = await cli.RunAsync("statement", "0330", "--year", "2026", "--send");
        var neither = await cli.RunAsync("statement", "0330", "--year", "2026");
        Assert.Equal(
            (1, "error: Party 0330 has no invoice e-mail address (parties.csv, invoice_email); the statement was not queued."),
            (unaddressed.ExitCode, unaddressed.Stderr.Trim()));
        Assert.Equal((1, "error: statement needs --out FOLDER, --send, or both."), (neither.ExitCode, neither.Stderr.Trim()));
        Assert.DoesNotContain("statement-", Ok(await cli.RunAsync("mail", "outbox")).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_queues_the_statement_once_per_day_to_the_partys_invoice_address_and_the_outbox_shows_it()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("seed", "--data", BundledDatasetCopy.WithEmailsTo(Path.Combine(cli.WorkingDirectory, "data"))));
        Ok(await cli.RunAsync("budget", "approve", "--year", "2026", "--decided-on", "2025-12-15", "--reference", "x"));
        Ok(await cli.RunAsync("run"));
        var folder = Path.Combine(cli.WorkingDirectory, "kontoutdrag");

        var queued = Ok(await cli.RunAsync("statement", "0330", "--year", "2026", "--send")).Stdout;
        var again = Ok(await cli.RunAsync("statement", "0330", "--year", "2026", "--send", "--out", folder)).Stdout;
        var future = await cli.RunAsync("statement", "0330", "--year", "2026", "--send", "--as-of", "2026-12-31");
        var outbox = Ok(await cli.RunAsync("mail", "outbox")).Stdout;
        using var json = System.Text.Json.JsonDocument.Parse(Ok(await cli.RunAsync("mail", "outbox", "--json")).Stdout);
        output.WriteLine(queued + again + outbox);

        Assert.Matches(
            @"^Queued statement-region-mitt-pom-2026-0330-20261204 to 0330@kommun\.example\.se with kontoutdrag-region-mitt-pom-2026-0330\.pdf \(to pay [^)]+\); `invoicing mail send` delivers it\.\n$",
            queued);
        Assert.StartsWith("statement-region-mitt-pom-2026-0330-20261204 was queued earlier; nothing was queued now (see `invoicing mail outbox`).\n", again, StringComparison.Ordinal);
        Assert.Contains($"Wrote {Path.Combine(folder, "kontoutdrag-region-mitt-pom-2026-0330.pdf")}: the statement of 0330", again, StringComparison.Ordinal);
        Assert.Equal((1, "error: a statement as of 2026-12-31, after today (2026-12-04), cannot be sent; nothing was queued."), (future.ExitCode, future.Stderr.Trim()));
        var line = Assert.Single(outbox.Split('\n'), l => l.StartsWith("statement-", StringComparison.Ordinal));
        Assert.Matches(@"^statement-region-mitt-pom-2026-0330-20261204\s+0330@kommun\.example\.se\s+Pending\s+0", line);
        var entry = Assert.Single(json.RootElement.EnumerateArray(), e => e.GetProperty("id").GetString()!.StartsWith("statement-", StringComparison.Ordinal));
        output.WriteLine(entry.ToString());
        Assert.Equal("statement", entry.GetProperty("kind").GetString());
        Assert.StartsWith("EXEMPEL: Kontoutdrag ", entry.GetProperty("subject").GetString(), StringComparison.Ordinal);
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
