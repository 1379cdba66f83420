using Invoicing.Invoices;
using Invoicing.Issuing;
using Invoicing.Payments;
using Invoicing.Payments.BankFiles;
using Invoicing.Testing;

namespace Invoicing.IntegrationTests.Payments;

[Collection(AzuriteCollection.Name)]
public sealed class PaymentLedgerTests(AzuriteFixture azurite)
{
    private static readonly DateOnly PaidOn = new(2026, 1, 20);

    [Fact]
    public async Task Partial_payments_accumulate_until_paid_and_a_further_payment_is_flagged_as_overpayment()
    {
        await using var scenario = await IssuedAsync();
        var (ledger, vasteras) = (scenario.Get<PaymentLedger>(), await InvoiceAsync(scenario, "1980"));

        var first = await ledger.BookAsync(vasteras.Key, Manual("a", 20_000), CancellationToken.None);
        var second = await ledger.BookAsync(vasteras.Key, Manual("b", 23_035), CancellationToken.None);
        var third = await ledger.BookAsync(vasteras.Key, Manual("c", 100), CancellationToken.None);

        Assert.Equal((PaymentStatus.Unpaid, PaymentStatus.PartiallyPaid, PaymentFlag.None), (first.Before, first.After, first.Flag));
        Assert.Equal((PaymentStatus.PartiallyPaid, PaymentStatus.Paid, PaymentFlag.None), (second.Before, second.After, second.Flag));
        Assert.Equal((PaymentStatus.Paid, PaymentStatus.Overpaid, PaymentFlag.InvoiceAlreadyPaid), (third.Before, third.After, third.Flag));
        var stored = await InvoiceAsync(scenario, "1980");
        Assert.Equal(Money.FromKronor(43_135), stored.AmountPaid);
        Assert.Equal(Money.FromKronor(-100), stored.OwnRemaining);
        Assert.Equal(PaymentStatus.Overpaid, stored.Status);
    }

    [Fact]
    public async Task The_same_entry_booked_twice_is_booked_once()
    {
        await using var scenario = await IssuedAsync();
        var (ledger, invoice) = (scenario.Get<PaymentLedger>(), await InvoiceAsync(scenario, "1980"));

        var first = await ledger.BookAsync(invoice.Key, Manual("same", 1_000), CancellationToken.None);
        var again = await ledger.BookAsync(invoice.Key, Manual("same", 1_000), CancellationToken.None);

        Assert.True(first.Booked);
        Assert.False(again.Booked);
        Assert.Equal(Money.FromKronor(1_000), (await InvoiceAsync(scenario, "1980")).AmountPaid);
        Assert.Single(await scenario.Get<PaymentHistory>().ListAsync(invoice.Key, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_bookings_on_one_invoice_are_all_counted_and_each_entry_once()
    {
        await using var scenario = await IssuedAsync();
        var invoice = await InvoiceAsync(scenario, "0380");
        var entries = Enumerable.Range(1, 8).Select(i => Manual($"e{i}", 1_000 + i)).ToArray();

        await Task.WhenAll(entries.Concat(entries).Select(entry => Task.Run(() =>
            scenario.NewServices().GetRequiredServiceOf<PaymentLedger>().BookAsync(invoice.Key, entry, CancellationToken.None))));

        var stored = await InvoiceAsync(scenario, "0380");
        Assert.Equal(Money.Sum(entries.Select(e => e.Amount)), stored.AmountPaid);
        var history = await scenario.Get<PaymentHistory>().ListAsync(invoice.Key, CancellationToken.None);
        Assert.Equal(8, history.Count);
        Assert.Equal(stored.AmountPaid, Money.Sum(history.Select(h => h.Amount)));
    }

    [Fact]
    public async Task History_records_source_entry_amount_and_the_status_change()
    {
        await using var scenario = await IssuedAsync();
        var (ledger, invoice) = (scenario.Get<PaymentLedger>(), await InvoiceAsync(scenario, "1984"));

        await ledger.BookAsync(invoice.Key, new PaymentBooking("camt:ABC-1", "bank-2026-02-10.xml", Money.FromKronor(3_720), PaidOn, null, "Arboga kommun"), CancellationToken.None);

        var record = Assert.Single(await scenario.Get<PaymentHistory>().ListAsync(invoice.Key, CancellationToken.None));
        Assert.Equal(("camt:ABC-1", "bank-2026-02-10.xml", Money.FromKronor(3_720), PaidOn), (record.EntryReference, record.Source, record.Amount, record.PaidOn));
        Assert.Equal((PaymentStatus.Unpaid, PaymentStatus.Paid), (record.StatusBefore, record.StatusAfter));
        Assert.Equal(InvoicingScenario.RunTime, record.BookedAt);
    }

    [Fact]
    public async Task A_payment_that_is_not_positive_is_refused_and_nothing_is_booked()
    {
        await using var scenario = await IssuedAsync();
        var invoice = await InvoiceAsync(scenario, "1980");

        await Assert.ThrowsAsync<InvalidPaymentException>(() => scenario.Get<PaymentLedger>().BookAsync(invoice.Key, Manual("zero", 0), CancellationToken.None));

        Assert.Equal(PaymentStatus.Unpaid, (await InvoiceAsync(scenario, "1980")).Status);
        Assert.Empty(await scenario.Get<PaymentHistory>().ListAsync(invoice.Key, CancellationToken.None));
    }

    [Fact]
    public async Task An_unmatched_payment_stays_listed_until_booked_by_hand_once()
    {
        await using var scenario = await IssuedAsync();
        var suspense = scenario.Get<SuspenseList>();
        var invoice = await InvoiceAsync(scenario, "2180");
        var payment = new UnmatchedPayment(EntryKey.For("bgmax:1"), "bgmax:1", "bgmax.txt", Money.FromKronor(27_368), PaidOn, "12345", "Gävle kommun", "no invoice", InvoicingScenario.RunTime)
        {
            ReceivingAccount = "991-2346",
        };

        Assert.True(await suspense.AddAsync(payment, CancellationToken.None));
        Assert.False(await suspense.AddAsync(payment, CancellationToken.None));
        Assert.Single(await suspense.ListOpenAsync(CancellationToken.None));

        var booked = await suspense.BookAsync(payment.Id, invoice.Key, CancellationToken.None);

        Assert.Equal(PaymentStatus.Paid, booked.After);
        Assert.Empty(await suspense.ListOpenAsync(CancellationToken.None));
        Assert.Equal(invoice.Key, (await suspense.FindAsync(payment.Id, CancellationToken.None))!.BookedTo);
        var again = await Assert.ThrowsAsync<InvalidPaymentException>(() => suspense.BookAsync(payment.Id, invoice.Key, CancellationToken.None));
        Assert.Contains("already booked", again.Message, StringComparison.Ordinal);
        Assert.False(await suspense.AddAsync(payment, CancellationToken.None));
        Assert.Equal(Money.FromKronor(27_368), (await InvoiceAsync(scenario, "2180")).AmountPaid);
    }

    [Fact]
    public async Task An_invoice_is_found_by_its_number_and_by_its_ocr_but_not_by_a_foreign_ocr()
    {
        await using var scenario = await IssuedAsync();
        var finder = scenario.Get<InvoiceFinder>();
        var invoice = await InvoiceAsync(scenario, "1980");

        Assert.Equal(invoice.Key, (await finder.FindAsync(invoice.Number, CancellationToken.None))!.Key);
        Assert.Equal(invoice.Key, (await finder.FindAsync(invoice.Ocr, "vasteras-stad", CancellationToken.None))!.Key);
        Assert.Null(await finder.FindAsync(OcrReference.Create("202699999"), "vasteras-stad", CancellationToken.None));
        Assert.Null(await finder.FindAsync(OcrReference.Create("1234567"), "vasteras-stad", CancellationToken.None));
    }

    private static PaymentBooking Manual(string reference, long kronor) =>
        new($"manual:test:{reference}", "manual", Money.FromKronor(kronor), PaidOn);

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
