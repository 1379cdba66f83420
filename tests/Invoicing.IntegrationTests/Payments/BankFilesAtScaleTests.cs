using Azure.Core;
using Invoicing.Invoices;
using Invoicing.Payments;
using Invoicing.Payments.BankFiles;
using Invoicing.Storage;
using Invoicing.Testing;
using Invoicing.Testing.BankFiles;

using static Invoicing.IntegrationTests.Payments.IssuedYear;

namespace Invoicing.IntegrationTests.Payments;

/// <summary>
/// Files with more entries than one page or one entity group transaction holds: booked in pages of a hundred
/// records, many pages per transaction, with the same records, statuses and idempotency as one at a time, and
/// still all or nothing when refused.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BankFilesAtScaleTests(AzuriteFixture azurite)
{
    /// <summary>Invoice 0305 (Håbo) is 4 224 kr: 250 payments of 10 kr leave 1 724 kr due.</summary>
    private const int Payments = 250;

    [Fact]
    public async Task Payments_beyond_one_transaction_on_one_invoice_are_each_booked_once_in_file_order()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        var camt = ManyPayments(ocr["0305"], Payments, "10.00").ToBytes();

        var report = await ImportAsync(scenario, "many.xml", camt);

        Assert.Equal(Payments, report.Booked);
        var invoice = (await InvoicesAsync(scenario))["0305"];
        Assert.Equal((PaymentStatus.PartiallyPaid, Money.FromKronor(10 * Payments)), (invoice.Status, invoice.AmountPaid));
        var history = await scenario.Get<PaymentHistory>().ListAsync(invoice.Key, CancellationToken.None);
        Assert.Equal(Payments, history.Count);
        Assert.Equal(Money.FromKronor(10 * Payments), Money.Sum(history.Select(h => h.Amount)));
        Assert.Equal(PaymentStatus.Unpaid, report.Lines[0].Bookings[0].Before);
        Assert.All(report.Lines.Skip(1), line => Assert.Equal(PaymentStatus.PartiallyPaid, line.Bookings[0].Before));

        var again = await ImportAsync(scenario, "many-again.xml", camt);

        Assert.Equal((0, Payments), (again.Booked, again.AlreadyBooked));
        Assert.Equal(invoice.AmountPaid, (await InvoicesAsync(scenario))["0305"].AmountPaid);
    }

    [Fact]
    public async Task Statuses_and_flags_of_a_batch_are_those_of_booking_one_payment_after_another()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);

        // 4 224 kr due: 132 payments of 32 kr pay it exactly (the 101st starts a second page); the next two pay an already paid invoice.
        var report = await ImportAsync(scenario, "exact.xml", ManyPayments(ocr["0305"], 134, "32.00").ToBytes());

        var lines = report.Lines;
        Assert.Equal((PaymentStatus.PartiallyPaid, PaymentStatus.PartiallyPaid), (lines[98].Bookings[0].After, lines[99].Bookings[0].Before));
        Assert.Equal((PaymentStatus.PartiallyPaid, PaymentStatus.Paid, PaymentFlag.None), (lines[131].Bookings[0].Before, lines[131].Bookings[0].After, lines[131].Bookings[0].Flag));
        Assert.Equal((PaymentStatus.Paid, PaymentStatus.Overpaid, PaymentFlag.InvoiceAlreadyPaid), (lines[132].Bookings[0].Before, lines[132].Bookings[0].After, lines[132].Bookings[0].Flag));
        Assert.Equal((PaymentStatus.Overpaid, PaymentFlag.InvoiceAlreadyPaid), (lines[133].Bookings[0].After, lines[133].Bookings[0].Flag));
        Assert.Equal(PaymentStatus.Overpaid, (await InvoicesAsync(scenario))["0305"].Status);
    }

    [Theory]
    [InlineData(FaultTiming.BeforeSending)]
    [InlineData(FaultTiming.AfterResponse)]
    public async Task A_crash_between_batches_is_completed_by_the_next_import_each_payment_once(FaultTiming timing)
    {
        // Three transactions' worth of payments on one invoice: the crash strikes the second, before or after storage took it.
        const int count = (2 * PaymentPages.MaxRecordsPerTransaction) + Payments;
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        var camt = ManyPayments(ocr["0305"], count, "1.00").ToBytes();
        using var process = new CancellationTokenSource();
        scenario.Faults.Arm(
            r => r.Method == RequestMethod.Post && r.Uri.Path.EndsWith("$batch", StringComparison.Ordinal), timing, skip: 1, beforeThrow: process.Cancel);

        var crashed = await Record.ExceptionAsync(() => scenario.Get<PaymentImport>().ImportAsync(BankFileReader.Read("c.xml", camt), process.Token));

        Assert.True(scenario.Faults.Fired);
        Assert.NotNull(crashed);
        var afterCrash = (await InvoicesAsync(scenario))["0305"];
        Assert.True(afterCrash.AmountPaid < Money.FromKronor(count), "the crash stopped the import part way");
        var again = await ImportAsync(scenario, "c.xml", camt);

        Assert.Equal(count, again.Booked + again.AlreadyBooked);
        var invoice = (await InvoicesAsync(scenario))["0305"];
        Assert.Equal(Money.FromKronor(count), invoice.AmountPaid);
        Assert.Equal(count, (await scenario.Get<PaymentHistory>().ListAsync(invoice.Key, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Two_imports_of_the_same_large_file_at_once_book_each_payment_once()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        var camt = ManyPayments(ocr["0305"], Payments, "10.00").ToBytes();

        var reports = await Task.WhenAll(ImportAsync(scenario, "a.xml", camt), ImportAsync(scenario, "b.xml", camt));

        Assert.Equal(Payments, reports.Sum(r => r.Booked));
        Assert.Equal(Payments, reports.Sum(r => r.AlreadyBooked));
        var invoice = (await InvoicesAsync(scenario))["0305"];
        Assert.Equal(Money.FromKronor(10 * Payments), invoice.AmountPaid);
        Assert.Equal(Payments, (await scenario.Get<PaymentHistory>().ListAsync(invoice.Key, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Many_unmatched_payments_are_listed_once_each_in_batches()
    {
        await using var scenario = await IssuedAsync();
        var camt = new Camt054Builder(8);
        for (var i = 0; i < Payments; i++)
        {
            camt.Entry(new CamtEntry("5.00", AccountServicerReference: $"UNKNOWN-{i:000}", Transactions: [new(Unstructured: $"gåva {i}")]));
        }

        var report = await ImportAsync(scenario, "unmatched.xml", camt.ToBytes());
        var again = await ImportAsync(scenario, "unmatched.xml", camt.ToBytes());

        Assert.Equal(Payments, report.Unmatched);
        Assert.Equal((0, Payments), (again.Unmatched, again.AlreadyUnmatched));
        Assert.Equal(Payments, (await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_large_file_with_one_bad_entry_at_its_end_is_refused_in_one_line_and_nothing_is_booked()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        var camt = ManyPayments(ocr["0305"], 5_000, "1.00")
            .Entry(new CamtEntry("1.00", AccountServicerReference: "LATE", BookingDate: "2026-03-05", Transactions: [new(Ocr: ocr["1980"])]))
            .ToBytes();
        var before = await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>());

        var error = await Assert.ThrowsAsync<InvalidPaymentException>(() => ImportAsync(scenario, "late.xml", camt));

        Assert.Equal("late.xml: entry camt:LATE is dated 2026-03-05, after today (2026-03-04). Nothing was booked.", error.Message);
        Assert.Equal(before, await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>()));
    }

    [Fact]
    public async Task A_large_file_cut_off_in_the_middle_is_refused_in_one_line_and_nothing_is_booked()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        var xml = ManyPayments(ocr["0305"], 5_000, "1.00").ToXml();
        var cut = System.Text.Encoding.UTF8.GetBytes(xml[..(xml.Length * 9 / 10)]);
        var before = await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>());

        var error = await Assert.ThrowsAsync<BankFileException>(() => ImportAsync(scenario, "cut.xml", cut));

        Assert.StartsWith("cut.xml: not well-formed XML (line ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(before, await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>()));
    }

    private static Camt054Builder ManyPayments(string ocr, int count, string amount)
    {
        var camt = new Camt054Builder(8);
        for (var i = 0; i < count; i++)
        {
            camt.Entry(new CamtEntry(amount, AccountServicerReference: $"MANY-{i:00000}", Transactions: [new(Ocr: ocr)]));
        }

        return camt;
    }

    private Task<InvoicingScenario> IssuedAsync() => IssuedYear.IssuedAsync(azurite);
}
