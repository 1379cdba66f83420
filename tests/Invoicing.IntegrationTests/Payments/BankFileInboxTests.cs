using Invoicing.Invoices;
using Invoicing.Payments;
using Invoicing.Storage;
using Invoicing.Testing;
using Invoicing.Testing.BankFiles;

namespace Invoicing.IntegrationTests.Payments;

/// <summary>The blob trigger's path: a bank file in <c>bank-files</c>, imported by name and moved; Event Grid may deliver the event again.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BankFileInboxTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_file_is_imported_and_moved_and_an_event_redelivered_after_the_move_is_a_no_op()
    {
        await using var scenario = new InvoicingScenario(azurite);
        await scenario.SeedAndApproveAsync();
        await scenario.RunAsync();
        scenario.Time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 7, 0, 0, TimeSpan.Zero));
        var invoices = (await scenario.Get<InvoiceStore>().ListInvoicesAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None))
            .ToDictionary(i => i.DebtorCode.Value);
        var camt = new Camt054Builder(8)
            .Entry(new CamtEntry("45601.00", AccountServicerReference: "INBOX-1", Transactions: [new(Ocr: invoices["0380"].Ocr.Value, Debtor: "Uppsala kommun")]))
            .ToBytes();
        var storage = scenario.Get<InvoicingStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        await storage.Container(StorageNames.BankFilesContainer).GetBlobClient("camt-inbox.xml").UploadAsync(new BinaryData(camt));
        var inbox = scenario.Get<BankFileInbox>();

        var report = await inbox.ImportAsync("camt-inbox.xml", "ImportBankFile", CancellationToken.None);
        var redelivered = await inbox.ImportAsync("camt-inbox.xml", "ImportBankFile", CancellationToken.None);

        Assert.Equal(1, report?.Report.Booked);
        Assert.Null(redelivered);
        Assert.False(await storage.Container(StorageNames.BankFilesContainer).GetBlobClient("camt-inbox.xml").ExistsAsync());
        Assert.True(await storage.Container(StorageNames.ProcessedBankFilesContainer).GetBlobClient("2026-03-04/camt-inbox.xml").ExistsAsync());
        var paid = await scenario.Get<InvoiceStore>().ListInvoicesAsync(InvoicingScenario.Scheme, 2026, CancellationToken.None);
        Assert.Equal(Money.FromKronor(45_601), paid.Single(i => i.DebtorCode.Value == "0380").AmountPaid);
    }
}
