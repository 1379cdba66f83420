using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Payments;
using Invoicing.Reminders;
using Invoicing.Storage;
using Invoicing.Testing;
using UglyToad.PdfPig;

namespace Invoicing.IntegrationTests.Revisions;

/// <summary>
/// Issue 19: what is due, credited, paid and owed back is the chain's (an invoice, its supplements and credit notes),
/// computed in one place, and a reminder prints lines that add up to what it asks for.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChainBalanceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_credit_that_takes_back_part_of_a_supplement_credits_the_supplement_so_a_party_that_paid_its_original_as_printed_is_reminded_only_of_the_rest()
    {
        await using var scenario = await InvoicedAsync();
        await scenario.ReviseAndApproveAsync(RevisionScenario.GavleborgUpRegionUppsalaDown());
        await scenario.RunAsync();
        var gavle = (await scenario.DocumentsAsync()).OfType<Invoice>().Where(d => d.DebtorCode.Value == "2180").ToArray();
        var (original, supplement) = (gavle.Single(d => d.Revision == 0), gavle.Single(d => d.Revision == 1));
        Assert.Equal(Money.FromKronor(5_474), supplement.Total);
        await scenario.Get<PaymentLedger>().BookAsync(original.Key, new PaymentBooking("bank:gavle", "test", original.Total, new DateOnly(2026, 3, 17)), CancellationToken.None);

        // Revision 2: Gävleborg's pool 90 000 -> 80 000 takes back 3 649 of Gävle's 5 474 supplement.
        await scenario.ReviseAndApproveAsync(RevisionScenario.Edited(b => b
            .Replace("\"Region Uppsala\", \"amount\": \"75000\"", "\"Region Uppsala\", \"amount\": \"60000\"", StringComparison.Ordinal)
            .Replace("\"Gävleborgs kommuner\", \"amount\": \"75000\"", "\"Gävleborgs kommuner\", \"amount\": \"80000\"", StringComparison.Ordinal)));
        await scenario.RunAsync();

        var balances = await scenario.BalancesAsync();
        var credit = balances.Values.Single(b => b.Document.DebtorCode.Value == "2180" && b.Document.Revision == 2).Document;
        Assert.Equal((DocumentKind.CreditNote, Money.FromKronor(3_649), supplement.Number), (credit.Kind, credit.Total, credit.Corrects?.Number));
        Assert.Equal((PaymentStatus.Paid, Money.Zero), (balances[original.Number].Status, balances[original.Number].RefundOwed));
        Assert.Equal((PaymentStatus.Unpaid, Money.FromKronor(1_825)), (balances[supplement.Number].Status, balances[supplement.Number].Due));
        Assert.Equal(Money.FromKronor(3_649), (await scenario.Get<InvoiceStore>().FindInvoiceAsync(supplement.Scheme, supplement.Year, supplement.Number, CancellationToken.None))!.Credited);

        scenario.Time.SetUtcNow(new DateTimeOffset(supplement.DueDate.AddDays(11), new TimeOnly(6, 0), TimeSpan.Zero));
        var run = await scenario.Get<ReminderRun>().RunAsync(null, dryRun: false, CancellationToken.None);

        Assert.DoesNotContain(run.Actions, a => a.Invoice.Number == original.Number);
        var reminded = Assert.Single(run.Actions, a => a.Invoice.Number == supplement.Number);
        Assert.Equal(Money.FromKronor(1_825), reminded.Amount);
        var record = Assert.Single(await scenario.Get<ReminderHistory>().ListAsync(supplement.Key, CancellationToken.None));
        Assert.Equal([supplement.Total.Ore, -3_649_00L], record.Lines.Select(l => l.Amount.Ore));
        Assert.StartsWith($"Tilläggsfaktura {supplement.Number} till faktura {original.Number}", record.Lines[0].Description, StringComparison.Ordinal);
        Assert.StartsWith($"Kreditfaktura {credit.Number}", record.Lines[1].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reminder_of_the_readme_walk_lists_the_invoice_its_credit_note_and_its_payment_and_asks_for_exactly_what_they_leave()
    {
        await using var scenario = await InvoicedAsync();
        await scenario.ReviseAndApproveAsync(RevisionScenario.GavleborgUpRegionUppsalaDown());
        await scenario.RunAsync();
        var documents = await scenario.DocumentsAsync();
        var regionUppsala = documents.OfType<Invoice>().Single(d => d.DebtorCode.Value == "REGION-03");
        var credit = documents.OfType<CreditNote>().Single(d => d.DebtorCode.Value == "REGION-03");
        await scenario.Get<PaymentLedger>().BookAsync(regionUppsala.Key, new PaymentBooking("bank:uppsala", "test", Money.FromKronor(10_000), new DateOnly(2026, 3, 17)), CancellationToken.None);

        scenario.Time.SetUtcNow(new DateTimeOffset(regionUppsala.DueDate.AddDays(60), new TimeOnly(6, 0), TimeSpan.Zero));
        await scenario.Get<ReminderRun>().RunAsync(null, dryRun: false, CancellationToken.None);

        var record = Assert.Single(await scenario.Get<ReminderHistory>().ListAsync(regionUppsala.Key, CancellationToken.None));
        Assert.Equal([75_000_00L, -15_000_00L, -10_000_00L], record.Lines.Select(l => l.Amount.Ore));
        Assert.Equal(Money.FromKronor(50_000), record.Total);
        using var content = new MemoryStream();
        await scenario.Get<InvoiceArchive>().DownloadToAsync(StorageNames.RemindersContainer, record.BlobName, content, CancellationToken.None);
        var pdf = content.ToArray();
        var text = Text(pdf);
        Assert.Contains($"Faktura {regionUppsala.Number} daterad {IsoDate.Format(regionUppsala.IssueDate)}, förföll till betalning {IsoDate.Format(regionUppsala.DueDate)} 75 000,00 kr", text, StringComparison.Ordinal);
        Assert.Contains($"Kreditfaktura {credit.Number} daterad {IsoDate.Format(credit.IssueDate)} -15 000,00 kr", text, StringComparison.Ordinal);
        Assert.Contains("Inbetalt 2026-03-17 -10 000,00 kr", text, StringComparison.Ordinal);
        Assert.Contains("Att betala 50 000,00 kr", text, StringComparison.Ordinal);
        Assert.NotEmpty(PdfImages.Keep(pdf, "documents", "paminnelse-kedja"));
    }

    private async Task<InvoicingScenario> InvoicedAsync()
    {
        var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        await scenario.RunAsync();
        return scenario;
    }

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(' ', document.GetPage(1).GetWords().Select(w => w.Text)).Replace('\u00A0', ' ');
    }
}
