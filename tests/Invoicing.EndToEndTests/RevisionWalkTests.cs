using System.Globalization;
using System.Text.Json;
using Invoicing.Reminders;
using Invoicing.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;

namespace Invoicing.EndToEndTests;

/// <summary>
/// The README's walk through a budget revision, one command at a time: demo → revise (Gävleborg's pool
/// 75 000 → 90 000, Region Uppsala 75 000 → 60 000) → diff → approve → run → run again; then the year goes on
/// (docs/walkthrough-payments.md): Region Uppsala pays part, is reminded of what its chain lacks, an invoice issued by
/// mistake is voided, and a double payment is refunded.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RevisionWalkTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_revision_credits_region_uppsala_and_invoices_gavleborgs_ten_municipalities_exactly_the_change_once()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));
        var revised = RevisedDataset.WriteTo(Path.Combine(cli.WorkingDirectory, "revised"));

        var revise = Ok(await cli.RunAsync("budget", "revise", "--year", "2026", "--data", revised));
        Assert.Contains("Recorded draft revision 1", revise.Stdout, StringComparison.Ordinal);

        var diff = Ok(await cli.RunAsync("budget", "diff", "--year", "2026"));
        Assert.Contains("credit note 15\u00A0000,00\u00A0kr to invoice", diff.Stdout, StringComparison.Ordinal);
        Assert.Contains("own share, not invoiced", diff.Stdout, StringComparison.Ordinal);
        using var diffJson = JsonDocument.Parse(Ok(await cli.RunAsync("budget", "diff", "--year", "2026", "--json")).Stdout);
        var withDocuments = diffJson.RootElement.EnumerateArray().Where(p => p.GetProperty("document").ValueKind != JsonValueKind.Null).ToArray();
        Assert.Equal(11, withDocuments.Length);

        var beforeApproval = Ok(await cli.RunAsync("run"));
        Assert.Contains("nothing was created", beforeApproval.Stdout, StringComparison.Ordinal);

        var approve = Ok(await cli.RunAsync("budget", "approve", "--year", "2026", "--decided-on", "2026-03-16", "--reference", "Samverkansforum PoM, budgetmöte 2026-03-16 §4"));
        Assert.Contains("Revision 1 of budget region-mitt-pom 2026 approved", approve.Stdout, StringComparison.Ordinal);
        var show = Ok(await cli.RunAsync("budget", "show", "--year", "2026"));
        Assert.Contains("Samverkansforum PoM, budgetmöte 2026-03-16 §4", show.Stdout, StringComparison.Ordinal);

        var run = Ok(await cli.RunAsync("run"));
        Assert.Contains("revision 1: 11 documents", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("11 created", run.Stdout, StringComparison.Ordinal);

        var documents = await ListAsync(cli);
        Assert.Equal(40, documents.Length);
        var changes = documents.Skip(29).ToArray();
        var credit = Assert.Single(changes, d => d.GetProperty("kind").GetString() == "credit-note");
        var regionUppsala = documents.Single(d => d.GetProperty("debtorCode").GetString() == "REGION-03" && d.GetProperty("kind").GetString() == "invoice");
        Assert.Equal("REGION-03", credit.GetProperty("debtorCode").GetString());
        Assert.Equal(15000m, credit.GetProperty("amount").GetDecimal());
        Assert.Equal(regionUppsala.GetProperty("number").GetString(), credit.GetProperty("corrects").GetString());
        Assert.Equal(60000m, regionUppsala.GetProperty("amountDue").GetDecimal());
        var supplements = changes.Where(d => d.GetProperty("kind").GetString() == "invoice").ToArray();
        Assert.Equal(10, supplements.Length);
        Assert.All(supplements, s => Assert.StartsWith("21", s.GetProperty("debtorCode").GetString(), StringComparison.Ordinal));
        Assert.All(supplements, s => Assert.Equal(JsonValueKind.String, s.GetProperty("corrects").ValueKind));
        Assert.Equal(15000m, supplements.Sum(s => s.GetProperty("amount").GetDecimal()));

        var creditNumber = credit.GetProperty("number").GetString()!;
        Ok(await cli.RunAsync("invoices", "download", creditNumber, "--year", "2026", "--out", "credit"));
        using (var pdf = PdfDocument.Open(Path.Combine(cli.WorkingDirectory, "credit", creditNumber + ".pdf")))
        {
            var text = pdf.GetPage(1).Text;
            Assert.Contains("Kreditfaktura", text, StringComparison.Ordinal);
            Assert.Contains($"Avser faktura {regionUppsala.GetProperty("number").GetString()} av {regionUppsala.GetProperty("issueDate").GetString()}", text, StringComparison.Ordinal);
            Assert.Contains("15\u00A0000,00\u00A0kr", text, StringComparison.Ordinal);
            Assert.DoesNotContain("OCR-nummer", text, StringComparison.Ordinal);
        }

        var chain = Ok(await cli.RunAsync("invoices", "show", regionUppsala.GetProperty("number").GetString()!)).Stdout;
        Assert.Contains(creditNumber, chain, StringComparison.Ordinal);
        Assert.Contains("credited 15\u00A0000,00\u00A0kr, due 60\u00A0000,00\u00A0kr", chain, StringComparison.Ordinal);

        var again = Ok(await cli.RunAsync("run"));
        Assert.Contains("nothing was created", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(40, (await ListAsync(cli)).Length);

        await PaymentReminderVoidAndRefundAsync(cli, azurite.ConnectionString, regionUppsala.GetProperty("number").GetString()!, creditNumber);
    }

    /// <summary>
    /// The walk goes on: Region Uppsala (75 000, credited 15 000) pays 10 000 and is reminded of 50 000 by a reminder whose
    /// lines add up to it; Region Västmanland's invoice, issued by mistake, is voided once; Sala pays twice and is refunded.
    /// </summary>
    private static async Task PaymentReminderVoidAndRefundAsync(CliRunner cli, string connectionString, string uppsala, string uppsalaCredit)
    {
        var today = cli.Today[..10];
        var paid = Ok(await cli.RunAsync("payments", "register", uppsala, "--amount", "10 000,00", "--date", today, "--reference", "kontoutdrag 12"));
        Assert.Contains("Unpaid -> PartiallyPaid", paid.Stdout, StringComparison.Ordinal);

        // The CLI runs on its pinned day (CliRunner.Today), and the invoices were issued that day: the daily run that reminds them is run here
        // by the library on a clock 11 days past their due date, against the CLI's storage.
        var documents = await ListAsync(cli);
        var dueDate = DateOnly.Parse(documents.Single(d => d.GetProperty("number").GetString() == uppsala).GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture);
        var clock = new FakeTimeProvider(new DateTimeOffset(dueDate.AddDays(11), new TimeOnly(6, 0), TimeSpan.Zero));
        await using (var services = TestServices.Create(connectionString, cli.Prefix, clock))
        {
            await services.GetRequiredService<ReminderRun>().RunAsync(null, dryRun: false, CancellationToken.None);
        }

        var saved = Ok(await cli.RunAsync("invoices", "download", uppsala, "--year", "2026", "--reminder", "1", "--out", "reminders"));
        Assert.EndsWith($"paminnelse-{uppsala}-1.pdf", saved.Stdout.Trim(), StringComparison.Ordinal);
        using (var reminder = PdfDocument.Open(Path.Combine(cli.WorkingDirectory, saved.Stdout.Trim())))
        {
            var text = string.Join(' ', reminder.GetPage(1).GetWords().Select(w => w.Text)).Replace('\u00A0', ' ');
            Assert.Contains($"Faktura {uppsala} daterad", text, StringComparison.Ordinal);
            Assert.Contains(" 75 000,00 kr", text, StringComparison.Ordinal);
            Assert.Contains($"Kreditfaktura {uppsalaCredit} daterad", text, StringComparison.Ordinal);
            Assert.Contains(" -15 000,00 kr", text, StringComparison.Ordinal);
            Assert.Contains($"Inbetalt {today} -10 000,00 kr", text, StringComparison.Ordinal);
            Assert.Contains("Att betala 50 000,00 kr", text, StringComparison.Ordinal);
        }

        Assert.Equal(1, (await cli.RunAsync("invoices", "download", uppsala, "--year", "2026", "--reminder", "2", "--out", "reminders")).ExitCode);

        var vastmanland = documents.Single(d => d.GetProperty("debtorCode").GetString() == "REGION-19").GetProperty("number").GetString()!;
        var voided = Ok(await cli.RunAsync("invoices", "void", vastmanland, "--year", "2026", "--reason", "Fakturerad av misstag: fel belopp"));
        Assert.Contains($"Voided invoice {vastmanland} (REGION-19 Region Västmanland, 75\u00A0000,00\u00A0kr) by credit note 202600041", voided.Stdout, StringComparison.Ordinal);
        Assert.Contains("is Credited: nothing is due on it and it gets no reminder", voided.Stdout, StringComparison.Ordinal);
        var twice = await cli.RunAsync("invoices", "void", vastmanland, "--year", "2026", "--reason", "Fakturerad av misstag: fel belopp");
        var creditNote = await cli.RunAsync("invoices", "void", "202600041", "--year", "2026", "--reason", "x");
        Assert.Equal((1, 1), (twice.ExitCode, creditNote.ExitCode));
        Assert.Contains($"error: Invoice {vastmanland} is already voided by credit note 202600041", twice.Stderr, StringComparison.Ordinal);
        Assert.Contains("error: 202600041 is a credit note; a credit note cannot be voided.", creditNote.Stderr, StringComparison.Ordinal);
        var afterVoid = await ListAsync(cli);
        Assert.Equal(41, afterVoid.Length);
        Assert.Equal("Credited", afterVoid.Single(d => d.GetProperty("number").GetString() == vastmanland).GetProperty("status").GetString());
        using (var later = JsonDocument.Parse(Ok(await cli.RunAsync("remind", "--as-of", IsoDate(dueDate.AddDays(40)), "--dry-run", "--json")).Stdout))
        {
            var steps = later.RootElement.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("invoice").GetString()).ToArray();
            Assert.Contains(steps, s => s!.EndsWith(uppsala, StringComparison.Ordinal));
            Assert.DoesNotContain(steps, s => s!.EndsWith(vastmanland, StringComparison.Ordinal));
        }

        var sala = documents.Single(d => d.GetProperty("debtorCode").GetString() == "1981").GetProperty("number").GetString()!;
        Ok(await cli.RunAsync("payments", "register", sala, "--amount", "6 051,00", "--date", today, "--reference", "kontoutdrag 13"));
        var double_ = Ok(await cli.RunAsync("payments", "register", sala, "--amount", "6 051,00", "--date", today, "--reference", "kontoutdrag 14"));
        Assert.Contains("Paid -> Overpaid — the invoice was ALREADY PAID", double_.Stdout, StringComparison.Ordinal);
        Assert.Equal(6051m, (await ListAsync(cli)).Single(d => d.GetProperty("number").GetString() == sala).GetProperty("refundOwed").GetDecimal());
        var tooMuch = await cli.RunAsync("payments", "refund", sala, "--year", "2026", "--amount", "6 051,01", "--date", today, "--reference", "utbetalning 1");
        var future = await cli.RunAsync("payments", "refund", sala, "--year", "2026", "--amount", "6 051,00", "--date", "2099-01-01", "--reference", "utbetalning 1");
        var refund = Ok(await cli.RunAsync("payments", "refund", sala, "--year", "2026", "--amount", "6 051,00", "--date", today, "--reference", "utbetalning 1"));
        var refundAgain = Ok(await cli.RunAsync("payments", "refund", sala, "--year", "2026", "--amount", "6 051,00", "--date", today, "--reference", "utbetalning 1"));
        Assert.Equal((1, 1), (tooMuch.ExitCode, future.ExitCode));
        Assert.Contains("is more than the 6\u00A0051,00\u00A0kr owed back on it; nothing was booked.", tooMuch.Stderr, StringComparison.Ordinal);
        Assert.Contains($"a refund dated 2099-01-01 is after today ({today}); book it when it has been paid out.", future.Stderr, StringComparison.Ordinal);
        Assert.Contains("Overpaid -> Paid; still owed back 0,00\u00A0kr.", refund.Stdout, StringComparison.Ordinal);
        Assert.Contains("This refund was already booked", refundAgain.Stdout, StringComparison.Ordinal);
        var settled = (await ListAsync(cli)).Single(d => d.GetProperty("number").GetString() == sala);
        Assert.Equal(("Paid", 0m, 6051m), (settled.GetProperty("status").GetString(), settled.GetProperty("refundOwed").GetDecimal(), settled.GetProperty("refunded").GetDecimal()));
        var ledger = Ok(await cli.RunAsync("export", "sie", "--year", "2026", "--out", "year.se"));
        Assert.Contains("1 refund", ledger.Stdout, StringComparison.Ordinal);
    }

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Revising_with_a_dataset_that_changes_no_amount_is_refused_with_one_clear_line()
    {
        using var cli = new CliRunner(azurite);
        Ok(await cli.RunAsync("demo"));

        var result = await cli.RunAsync("budget", "revise", "--year", "2026", "--data", TestPaths.BundledDataset);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("changes no party's amount", result.Stderr, StringComparison.Ordinal);
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
