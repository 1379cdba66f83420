using Invoicing.Invoices;
using Invoicing.Issuing;
using Invoicing.Payments;
using Invoicing.Testing;
using Invoicing.Testing.BankFiles;

namespace Invoicing.IntegrationTests.Payments;

/// <summary>Money paid back to a party that paid more than it owes: the refund owed goes down, booked once, never beyond what is owed.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RefundTests(AzuriteFixture azurite)
{
    private static readonly DateOnly PaidOn = new(2026, 1, 20);

    [Fact]
    public async Task A_double_payment_refunded_in_full_leaves_nothing_owed_back_and_the_invoice_paid()
    {
        await using var scenario = await IssuedAsync();
        var (ledger, vasteras) = (scenario.Get<PaymentLedger>(), await InvoiceAsync(scenario, "1980"));
        await ledger.BookAsync(vasteras.Key, new PaymentBooking("bank:1", "camt.xml", vasteras.Total, PaidOn), CancellationToken.None);
        await ledger.BookAsync(vasteras.Key, new PaymentBooking("bank:2", "camt.xml", vasteras.Total, PaidOn), CancellationToken.None);
        Assert.Equal((PaymentStatus.Overpaid, vasteras.Total), await StandingAsync(scenario, vasteras));

        var refund = await ledger.RefundAsync(vasteras.Key, PaymentBooking.ManualRefund(vasteras.Number, vasteras.Total, PaidOn, "utbetalning 7", null), CancellationToken.None);

        Assert.Equal((true, PaymentStatus.Overpaid, PaymentStatus.Paid, PaymentFlag.Refund), (refund.Booked, refund.Before, refund.After, refund.Flag));
        Assert.Equal((PaymentStatus.Paid, Money.Zero), await StandingAsync(scenario, vasteras));
        var record = (await scenario.Get<PaymentHistory>().ListAsync(vasteras.Key, CancellationToken.None))[^1];
        Assert.Equal((-vasteras.Total, PaymentFlag.Refund, "utbetalning 7"), (record.Amount, record.Flag, record.Note));
    }

    [Fact]
    public async Task The_same_refund_sent_again_is_booked_once()
    {
        await using var scenario = await IssuedAsync();
        var (ledger, vasteras) = (scenario.Get<PaymentLedger>(), await InvoiceAsync(scenario, "1980"));
        await ledger.BookAsync(vasteras.Key, new PaymentBooking("bank:1", "camt.xml", vasteras.Total + Money.FromKronor(500), PaidOn), CancellationToken.None);
        var refund = PaymentBooking.ManualRefund(vasteras.Number, Money.FromKronor(500), PaidOn, "utbetalning 8", null);

        var first = await ledger.RefundAsync(vasteras.Key, refund, CancellationToken.None);
        var again = await ledger.RefundAsync(vasteras.Key, refund, CancellationToken.None);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ledger.RefundAsync(vasteras.Key, refund, CancellationToken.None)));

        Assert.True(first.Booked);
        Assert.False(again.Booked);
        Assert.All(concurrent, r => Assert.False(r.Booked));
        Assert.Equal(Money.FromKronor(500), (await InvoiceAsync(scenario, "1980")).Refunded);
    }

    [Fact]
    public async Task A_refund_of_more_than_is_owed_back_is_refused_in_one_line_and_nothing_is_booked()
    {
        await using var scenario = await IssuedAsync();
        var (ledger, vasteras) = (scenario.Get<PaymentLedger>(), await InvoiceAsync(scenario, "1980"));
        await ledger.BookAsync(vasteras.Key, new PaymentBooking("bank:1", "camt.xml", vasteras.Total + Money.FromKronor(100), PaidOn), CancellationToken.None);

        var e = await Assert.ThrowsAsync<InvalidPaymentException>(() =>
            ledger.RefundAsync(vasteras.Key, PaymentBooking.ManualRefund(vasteras.Number, Money.FromKronor(101), PaidOn, "x", null), CancellationToken.None));

        Assert.Equal($"Invoice {vasteras.Number}: a refund of 101,00 kr is more than the 100,00 kr owed back on it; nothing was booked.", e.Message.Replace('\u00A0', ' '));
        Assert.Single(await scenario.Get<PaymentHistory>().ListAsync(vasteras.Key, CancellationToken.None));
        var unpaid = await InvoiceAsync(scenario, "1984");
        var nothingOwed = await Assert.ThrowsAsync<InvalidPaymentException>(() =>
            ledger.RefundAsync(unpaid.Key, PaymentBooking.ManualRefund(unpaid.Number, Money.FromKronor(1), PaidOn, "x", null), CancellationToken.None));
        Assert.Contains("is more than the 0,00", nothingOwed.Message.Replace('\u00A0', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refund_dated_after_today_is_refused()
    {
        await using var scenario = await IssuedAsync();
        var (ledger, vasteras) = (scenario.Get<PaymentLedger>(), await InvoiceAsync(scenario, "1980"));
        await ledger.BookAsync(vasteras.Key, new PaymentBooking("bank:1", "camt.xml", vasteras.Total + Money.FromKronor(100), PaidOn), CancellationToken.None);
        var tomorrow = SwedishCalendar.Today(scenario.Time).AddDays(1);

        var e = await Assert.ThrowsAsync<InvalidPaymentException>(() =>
            ledger.RefundAsync(vasteras.Key, PaymentBooking.ManualRefund(vasteras.Number, Money.FromKronor(100), tomorrow, "x", null), CancellationToken.None));

        Assert.Contains($"a refund dated {IsoDate.Format(tomorrow)} is after today", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outgoing_bank_entry_quoting_the_invoice_is_booked_as_a_refund_under_the_banks_reference()
    {
        await using var scenario = await IssuedAsync();
        var (ledger, vasteras) = (scenario.Get<PaymentLedger>(), await InvoiceAsync(scenario, "1980"));
        await ledger.BookAsync(vasteras.Key, new PaymentBooking("bank:1", "camt.xml", vasteras.Total + Money.FromKronor(250), PaidOn), CancellationToken.None);
        var found = await scenario.Get<InvoiceFinder>().FindAsync(vasteras.Ocr, "vasteras-stad", CancellationToken.None);

        var refund = await ledger.RefundAsync(found!.Key, new PaymentBooking("bank:out-17", "camt054-out.xml", Money.FromKronor(250), PaidOn), CancellationToken.None);

        Assert.Equal((PaymentStatus.Paid, PaymentFlag.Refund), (refund.After, refund.Flag));
        var record = (await scenario.Get<PaymentHistory>().ListAsync(vasteras.Key, CancellationToken.None))[^1];
        Assert.Equal(("bank:out-17", "camt054-out.xml", Money.FromKronor(-250)), (record.EntryReference, record.Source, record.Amount));
    }

    [Fact]
    public async Task A_refund_dated_before_the_first_money_received_on_the_invoice_is_refused()
    {
        await using var scenario = await IssuedAsync();
        var (ledger, vasteras) = (scenario.Get<PaymentLedger>(), await InvoiceAsync(scenario, "1980"));
        await ledger.BookAsync(vasteras.Key, new PaymentBooking("bank:1", "camt.xml", vasteras.Total + Money.FromKronor(100), PaidOn), CancellationToken.None);

        var e = await Assert.ThrowsAsync<InvalidPaymentException>(() =>
            ledger.RefundAsync(vasteras.Key, PaymentBooking.ManualRefund(vasteras.Number, Money.FromKronor(100), PaidOn.AddDays(-1), "x", null), CancellationToken.None));

        Assert.Equal($"Invoice {vasteras.Number}: a refund dated 2026-01-19 is before the first money received on it (2026-01-20); nothing was booked.", e.Message);
        Assert.Single(await scenario.Get<PaymentHistory>().ListAsync(vasteras.Key, CancellationToken.None));
    }

    [Fact]
    public async Task An_outgoing_entry_of_a_bank_file_naming_an_overpaid_invoices_ocr_is_imported_as_its_refund_once()
    {
        await using var scenario = await IssuedAsync();
        var (ledger, vasteras) = (scenario.Get<PaymentLedger>(), await InvoiceAsync(scenario, "1980"));
        await ledger.BookAsync(vasteras.Key, new PaymentBooking("bank:1", "camt.xml", vasteras.Total + Money.FromKronor(250), PaidOn), CancellationToken.None);
        scenario.Time.SetUtcNow(new DateTimeOffset(2026, 2, 2, 7, 0, 0, TimeSpan.Zero));
        var file = new Camt054Builder(8)
            .Entry(new CamtEntry("250.00", Indicator: "DBIT", AccountServicerReference: "OUT-17", BookingDate: "2026-02-01", Family: "ICDT",
                Transactions: [new(Ocr: vasteras.Ocr.Value, Creditor: "Västerås stad", Indicator: "DBIT")]))
            .Entry(new CamtEntry("12500.00", Indicator: "DBIT", AccountServicerReference: "SUPPLIER-1", BookingDate: "2026-02-01", Family: "ICDT",
                Transactions: [new(Creditor: "Kontorsleverantören AB", Indicator: "DBIT")]))
            .ToBytes();

        var report = await IssuedYear.ImportAsync(scenario, "utbetalningar.xml", file);
        var again = await IssuedYear.ImportAsync(scenario, "utbetalningar.xml", file);

        Assert.Equal([ImportOutcome.Booked, ImportOutcome.Outgoing], report.Lines.Select(l => l.Outcome));
        var refund = Assert.Single(report.Lines[0].Bookings);
        Assert.Equal((PaymentFlag.Refund, PaymentStatus.Overpaid, PaymentStatus.Paid, Money.FromKronor(-250)), (refund.Flag, refund.Before, refund.After, refund.Amount));
        Assert.Equal([ImportOutcome.AlreadyBooked, ImportOutcome.Outgoing], again.Lines.Select(l => l.Outcome));
        Assert.Equal((PaymentStatus.Paid, Money.Zero), await StandingAsync(scenario, vasteras));
        var record = (await scenario.Get<PaymentHistory>().ListAsync(vasteras.Key, CancellationToken.None))[^1];
        Assert.Equal(("utbetalningar.xml", Money.FromKronor(-250), new DateOnly(2026, 2, 1)), (record.Source, record.Amount, record.PaidOn));
    }

    [Fact]
    public async Task An_outgoing_entry_naming_an_invoice_that_owes_less_back_is_counted_as_outgoing_with_why_and_not_booked()
    {
        await using var scenario = await IssuedAsync();
        var (ledger, vasteras) = (scenario.Get<PaymentLedger>(), await InvoiceAsync(scenario, "1980"));
        await ledger.BookAsync(vasteras.Key, new PaymentBooking("bank:1", "camt.xml", vasteras.Total + Money.FromKronor(100), PaidOn), CancellationToken.None);
        scenario.Time.SetUtcNow(new DateTimeOffset(2026, 2, 2, 7, 0, 0, TimeSpan.Zero));

        var report = await IssuedYear.ImportAsync(scenario, "ut.xml", new Camt054Builder(8)
            .Entry(new CamtEntry("250.00", Indicator: "DBIT", AccountServicerReference: "OUT-18", BookingDate: "2026-02-01", Family: "ICDT",
                Transactions: [new(Ocr: vasteras.Ocr.Value, Indicator: "DBIT")]))
            .ToBytes());

        var line = Assert.Single(report.Lines);
        Assert.Equal(ImportOutcome.Outgoing, line.Outcome);
        Assert.Equal($"money paid out quoting invoice {vasteras.Number}'s OCR, but 100,00 kr is owed back on it: not booked as its refund; check it, and book what is a refund with payments refund",
            line.Reason!.Replace('\u00A0', ' '));
        Assert.Equal((PaymentStatus.Overpaid, Money.FromKronor(100)), await StandingAsync(scenario, vasteras));
    }

    private static async Task<(PaymentStatus, Money)> StandingAsync(InvoicingScenario scenario, Invoice invoice)
    {
        var chain = await scenario.Get<InvoiceStore>().FindChainAsync(invoice.Key, CancellationToken.None);
        var balance = chain!.BalanceOf(invoice.Number);
        return (balance.Status, balance.RefundOwed);
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
