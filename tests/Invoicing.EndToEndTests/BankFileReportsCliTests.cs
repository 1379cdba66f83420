using System.Text.Json;
using Invoicing.Testing;
using Invoicing.Testing.BankFiles;

namespace Invoicing.EndToEndTests;

/// <summary>
/// Finance imports the bank files others wrote (TestData/bank-files) after <c>demo</c>: Bankgirot's BgMax example
/// re-dated to pay the bundled invoices, then the camt.054 shaped like the ISO 20022 examples; the import reports say
/// what became of every entry, and the unmatched list shows the payers' texts and the suggested invoices.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BankFileReportsCliTests(AzuriteFixture azurite)
{
    private const string Nbsp = "\u00A0";

    [Fact]
    public async Task The_import_reports_show_shared_payments_the_same_payment_in_both_formats_outgoing_money_and_a_reversal()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));
        var bgmax = Copy(cli, PublishedBankFiles.BgMaxExample2026);
        var camt = Copy(cli, PublishedBankFiles.Camt054Sample);

        var bgmaxReport = Ok(await cli.RunAsync("payments", "import", bgmax)).Stdout;
        var camtReport = Ok(await cli.RunAsync("payments", "import", camt)).Stdout;
        var unmatched = Ok(await cli.RunAsync("payments", "unmatched")).Stdout;

        Assert.Contains("booked on 4 invoices, 202600003, 202600004, 202600005, 202600009:", bgmaxReport, StringComparison.Ordinal);
        Assert.Contains($"part 4 of 4 of 12{Nbsp}000,00{Nbsp}kr: 1{Nbsp}585,00{Nbsp}kr on 202600009: Unpaid -> Overpaid — OVERPAID, check and refund", bgmaxReport, StringComparison.Ordinal);
        Assert.Contains("unmatched: no reference (suggested: 202600011 Kungsörs kommun)", bgmaxReport, StringComparison.Ordinal);
        Assert.Contains("(BgMax): 5 booked, 0 already booked, 2 unmatched, 0 already unmatched.", bgmaxReport, StringComparison.Ordinal);

        Assert.Contains("the same payment as BgMax entry bgmax:9912346:20260302:000000000010 from bgmax-bankgirot-example-2026.txt, booked on 202600002: not booked again", camtReport, StringComparison.Ordinal);
        Assert.Contains($"-12{Nbsp}500,00{Nbsp}kr  4600132457 RF18539007547034  outgoing: money paid out of our account", camtReport, StringComparison.Ordinal);
        Assert.Contains("reversal booked on 202600010: Paid -> Unpaid (takes back bgmax:9912346:20260302:000000000012 from bgmax-bankgirot-example-2026.txt)", camtReport, StringComparison.Ordinal);
        Assert.Contains("not booked: not booked by the bank yet (pending)", camtReport, StringComparison.Ordinal);
        Assert.Contains("(Camt054): 2 booked, 0 already booked, 1 unmatched, 0 already unmatched. 1 the same payment as one delivered in the other format: not booked again. Not booked: 2 outgoing, 1 pending or for information.", camtReport, StringComparison.Ordinal);

        Assert.Contains("faktura nr 202600011 / Storgatan 10 12345 / Storåker / org.nr 5500002222", unmatched, StringComparison.Ordinal);
        Assert.Contains("202600011 (Kungsörs kommun)", unmatched, StringComparison.Ordinal);
        Assert.DoesNotContain("-12\u00A0500,00", unmatched, StringComparison.Ordinal);
        Assert.Contains("Nothing new", Ok(await cli.RunAsync("payments", "import", bgmax)).Stdout, StringComparison.Ordinal);
        Assert.Contains("Nothing new", Ok(await cli.RunAsync("payments", "import", camt)).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_report_has_every_part_of_a_shared_payment_and_the_unmatched_list_its_texts_and_suggestion()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));
        var bgmax = Copy(cli, PublishedBankFiles.BgMaxExample2026);

        using var report = JsonDocument.Parse(Ok(await cli.RunAsync("payments", "import", bgmax, "--json")).Stdout);
        using var unmatched = JsonDocument.Parse(Ok(await cli.RunAsync("payments", "unmatched", "--json")).Stdout);

        var shared = report.RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("amount").GetDecimal() == 14_440m);
        Assert.Equal(
            [("202600013", 1_436m, 1), ("202600008", 4_070m, 2), ("202600007", 8_934m, 3)],
            shared.GetProperty("bookings").EnumerateArray().Select(b => (b.GetProperty("invoice").GetString(), b.GetProperty("amount").GetDecimal(), b.GetProperty("part").GetInt32())));
        Assert.Equal("20260001316 20260000813 20260000714", shared.GetProperty("reference").GetString());
        var textOnly = unmatched.RootElement.EnumerateArray().Single(u => u.GetProperty("amount").GetDecimal() == 2_290m);
        Assert.Equal("faktura nr 202600011", textOnly.GetProperty("texts")[0].GetString());
        Assert.Equal("202600011", textOnly.GetProperty("suggested").GetProperty("number").GetString());
    }

    private static string Copy(CliRunner cli, string name)
    {
        var path = Path.Combine(cli.WorkingDirectory, name);
        File.Copy(PublishedBankFiles.PathOf(name), path);
        return path;
    }

    private static CliResult Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
