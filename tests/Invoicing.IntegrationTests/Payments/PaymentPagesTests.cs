using Azure.Data.Tables;
using Invoicing.Invoices;
using Invoicing.Payments;
using Invoicing.Storage;
using Invoicing.Testing;
using Invoicing.Testing.BankFiles;

using static Invoicing.IntegrationTests.Payments.IssuedYear;

namespace Invoicing.IntegrationTests.Payments;

/// <summary>
/// Payment records are kept a hundred to a row (<see cref="PaymentPageEntity"/>), not a row each, so a bank file's
/// bookings cost storage a row per hundred entries.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PaymentPagesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Two_hundred_and_fifty_payments_on_one_invoice_are_three_rows_in_one_transaction_and_each_is_in_the_history_once()
    {
        await using var scenario = await IssuedYear.IssuedAsync(azurite);
        var ocr = await OcrsAsync(scenario);
        var camt = new Camt054Builder(8);
        for (var i = 0; i < 250; i++)
        {
            camt.Entry(new CamtEntry("1.00", AccountServicerReference: $"P-{i:000}", Transactions: [new(Ocr: ocr["0305"], Debtor: "Håbo kommun")]));
        }

        var report = await ImportAsync(scenario, "pages.xml", camt.ToBytes());

        Assert.Equal(250, report.Booked);
        var invoice = (await InvoicesAsync(scenario))["0305"];
        var rows = await PaymentRowsAsync(scenario, invoice);
        Assert.Equal([PaymentPageEntity.Page, PaymentPageEntity.Page, PaymentPageEntity.Page], rows.Select(r => r.GetString("RecordType")));
        Assert.Equal([100, 100, 50], rows.Select(r => r.GetInt32("Count")!.Value));
        var history = await scenario.Get<PaymentHistory>().ListAsync(invoice.Key, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"camt:P-{i:000}"), history.Select(h => h.EntryReference));
        Assert.All(history, h => Assert.Equal(("Håbo kommun", "pages.xml", Money.FromKronor(1)), (h.PayerName, h.Source, h.Amount)));
        Assert.Equal(Money.FromKronor(250), invoice.AmountPaid);
    }

    [Fact]
    public async Task A_payment_whose_texts_are_too_long_to_keep_is_refused_in_one_line_and_nothing_is_booked()
    {
        await using var scenario = await IssuedYear.IssuedAsync(azurite);
        var invoice = (await InvoicesAsync(scenario))["0305"];
        var before = await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>());

        var error = await Assert.ThrowsAsync<InvalidPaymentException>(() => scenario.Get<PaymentLedger>().BookAsync(
            invoice.Key, PaymentBooking.Manual(invoice.Number, Money.FromKronor(10), new DateOnly(2026, 3, 1), new string('n', 3_000), null), CancellationToken.None));

        Assert.Equal($"Invoice {invoice.Number}: the payment's reference, note and payer name are 6039 characters together; at most 4000 are kept. Nothing was booked.", error.Message);
        Assert.Equal(before, await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>()));
    }

    private static async Task<List<TableEntity>> PaymentRowsAsync(InvoicingScenario scenario, Invoice invoice)
    {
        var partition = InvoiceEntity.PartitionKeyFor(invoice.Scheme, invoice.Year);
        var rows = new List<TableEntity>();
        await foreach (var row in scenario.Get<InvoicingStorage>().Table(StorageNames.Invoices).QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {$"{invoice.Number}-P-"} and RowKey lt {$"{invoice.Number}-P."}")))
        {
            rows.Add(row);
        }

        return rows;
    }
}
