using System.Security.Cryptography;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Issuing;
using Invoicing.Payments;
using Invoicing.Reminders;
using Invoicing.Storage;
using Invoicing.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.IntegrationTests.Voids;

/// <summary>An invoice issued by mistake is voided by a full credit note naming it, once, in the same number series; never deleted.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class VoidTests(AzuriteFixture azurite)
{
    private const string Reason = "Fakturerad av misstag: fel mottagare";

    [Fact]
    public async Task Voiding_an_unpaid_invoice_issues_a_full_credit_note_naming_it_next_in_the_series_and_the_invoice_is_credited_and_never_reminded()
    {
        await using var scenario = await IssuedAsync();
        var arboga = await InvoiceAsync(scenario, "1984");

        var voided = await scenario.Get<InvoiceVoiding>().VoidAsync(arboga.Key, Reason, CancellationToken.None);

        var credit = voided.CreditNote;
        Assert.Equal((DocumentKind.CreditNote, 31, arboga.Total, Reason), (credit.Kind, credit.Number.Sequence, credit.Total, credit.Reason));
        Assert.Equal(new DocumentReference(arboga.Number, arboga.IssueDate), credit.Corrects);
        Assert.All(credit.Lines, l => Assert.StartsWith($"Makulering av faktura {arboga.Number}: ", l.Description, StringComparison.Ordinal));
        Assert.Equal((PaymentStatus.Credited, Money.Zero, Money.Zero), (voided.Invoice.Status, voided.Invoice.Due, voided.Invoice.RefundOwed));
        Assert.Equal(Enumerable.Range(1, 31), (await scenario.Get<InvoiceNumberSeries>().ListAsync("vasteras-stad", 2026, CancellationToken.None)).Select(r => r.Number.Sequence));
        Assert.Equal(credit.PdfSha256, await Sha256Async(scenario, StorageNames.InvoicesContainer, credit.BlobName));
        Assert.Equal(credit.EInvoiceSha256, await Sha256Async(scenario, StorageNames.EInvoicesContainer, credit.EInvoiceBlobName!));

        scenario.Time.SetUtcNow(new DateTimeOffset(arboga.DueDate.AddDays(30), new TimeOnly(6, 0), TimeSpan.Zero));
        var reminders = await scenario.Get<ReminderRun>().RunAsync(null, dryRun: false, CancellationToken.None);
        Assert.DoesNotContain(reminders.Actions, a => a.Invoice.Number == arboga.Number);
        Assert.Equal(29, reminders.RemindersRecorded);
    }

    [Fact]
    public async Task Voiding_a_paid_invoice_leaves_what_was_paid_owed_back_until_it_is_refunded()
    {
        await using var scenario = await IssuedAsync();
        var arboga = await InvoiceAsync(scenario, "1984");
        var ledger = scenario.Get<PaymentLedger>();
        await ledger.BookAsync(arboga.Key, new PaymentBooking("bank:1", "camt.xml", arboga.Total, new DateOnly(2026, 1, 20)), CancellationToken.None);

        var voided = await scenario.Get<InvoiceVoiding>().VoidAsync(arboga.Key, Reason, CancellationToken.None);
        await ledger.RefundAsync(arboga.Key, PaymentBooking.ManualRefund(arboga.Number, arboga.Total, new DateOnly(2026, 1, 20), "utbetalning 3", null), CancellationToken.None);

        Assert.Equal((PaymentStatus.Overpaid, arboga.Total), (voided.Invoice.Status, voided.Invoice.RefundOwed));
        var after = (await scenario.Get<InvoiceStore>().FindChainAsync(arboga.Key, CancellationToken.None))!.BalanceOf(arboga.Number);
        Assert.Equal((PaymentStatus.Credited, Money.Zero), (after.Status, after.RefundOwed));
    }

    [Fact]
    public async Task A_credit_note_cannot_be_voided_nor_an_invoice_twice_and_a_refused_void_issues_nothing()
    {
        await using var scenario = await IssuedAsync();
        var arboga = await InvoiceAsync(scenario, "1984");
        var voiding = scenario.Get<InvoiceVoiding>();
        var credit = (await voiding.VoidAsync(arboga.Key, Reason, CancellationToken.None)).CreditNote;

        var twice = await Assert.ThrowsAsync<VoidRefusedException>(() => voiding.VoidAsync(arboga.Key, Reason, CancellationToken.None));
        var ofCredit = await Assert.ThrowsAsync<VoidRefusedException>(() => voiding.VoidAsync(credit.Key, Reason, CancellationToken.None));
        var koping = await InvoiceAsync(scenario, "1983");
        var noReason = await Assert.ThrowsAsync<VoidRefusedException>(() => voiding.VoidAsync(koping.Key, "  ", CancellationToken.None));

        Assert.Equal($"Invoice {arboga.Number} is already voided by credit note {credit.Number} of {IsoDate.Format(credit.IssueDate)} ({Reason}); nothing was issued.", twice.Message);
        Assert.Equal($"{credit.Number} is a credit note; a credit note cannot be voided.", ofCredit.Message);
        Assert.Contains("needs a reason", noReason.Message, StringComparison.Ordinal);
        Assert.Equal($"Faktura {arboga.Number} är redan makulerad genom kreditfaktura {credit.Number} den {IsoDate.Format(credit.IssueDate)} ({Reason}); inget utfärdades.", twice.SwedishMessage);
        Assert.Equal($"{credit.Number} är en kreditfaktura; en kreditfaktura kan inte makuleras.", ofCredit.SwedishMessage);
        Assert.Equal("En makulering kräver en anledning (--reason): den skrivs ut på kreditfakturan.", noReason.SwedishMessage);
        Assert.Equal(31, (await scenario.Get<InvoiceStore>().ListAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_void_cut_off_after_its_number_was_taken_is_finished_by_a_retry_under_the_same_number_and_concurrent_retries_issue_one_credit_note()
    {
        await using var scenario = await IssuedAsync();
        var arboga = await InvoiceAsync(scenario, "1984");
        scenario.Faults.Arm(r => r.Method == Azure.Core.RequestMethod.Put && r.Uri.Path.EndsWith("/202600031.pdf", StringComparison.Ordinal), FaultTiming.BeforeSending);

        var cut = await Assert.ThrowsAsync<InvalidOperationException>(() => scenario.Get<InvoiceVoiding>().VoidAsync(arboga.Key, Reason, CancellationToken.None));
        var otherReason = await Assert.ThrowsAsync<VoidRefusedException>(() => scenario.Get<InvoiceVoiding>().VoidAsync(arboga.Key, "Annan anledning", CancellationToken.None));
        var retries = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => scenario.NewServices().GetRequiredService<InvoiceVoiding>().VoidAsync(arboga.Key, Reason, CancellationToken.None))));

        Assert.True(scenario.Faults.Fired);
        Assert.Contains("Run it again (with the same reason) to finish it.", cut.Message, StringComparison.Ordinal);
        Assert.Contains("give that reason to finish it", otherReason.Message, StringComparison.Ordinal);
        Assert.All(retries, r => Assert.Equal(new InvoiceNumber(2026, 31), r.CreditNote.Number));
        var documents = await scenario.Get<InvoiceStore>().ListAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 31), documents.Select(d => d.Number.Sequence));
        Assert.Equal(arboga.Total, documents.OfType<Invoice>().Single(d => d.Number == arboga.Number).Credited);
    }

    private static async Task<string> Sha256Async(InvoicingScenario scenario, string container, string blobName)
    {
        using var content = new MemoryStream();
        await scenario.Get<InvoiceArchive>().DownloadToAsync(container, blobName, content, CancellationToken.None);
        return Convert.ToHexStringLower(SHA256.HashData(content.ToArray()));
    }

    private async Task<InvoicingScenario> IssuedAsync()
    {
        var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        await scenario.RunAsync();
        return scenario;
    }

    private static async Task<Invoice> InvoiceAsync(InvoicingScenario scenario, string debtor) =>
        (await scenario.Get<InvoiceStore>().ListInvoicesAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None)).Single(i => i.DebtorCode.Value == debtor);
}
