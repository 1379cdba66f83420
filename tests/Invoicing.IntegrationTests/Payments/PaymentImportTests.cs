using Invoicing.Invoices;
using Invoicing.Payments;
using Invoicing.Payments.BankFiles;
using Invoicing.Testing;
using Invoicing.Testing.BankFiles;

using static Invoicing.IntegrationTests.Payments.IssuedYear;

namespace Invoicing.IntegrationTests.Payments;

/// <summary>Bank files built from the published formats, imported against the bundled 2026 invoices.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PaymentImportTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_camt054_books_full_and_partial_payments_and_lists_what_matched_nothing()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        var camt = new Camt054Builder(8)
            .Entry(new CamtEntry("43035.00", AccountServicerReference: "BANK-1", Transactions: [new(Ocr: ocr["1980"], Debtor: "Västerås stad")]))
            .Entry(new CamtEntry("8720.00", AccountServicerReference: "BANK-2", Transactions:
            [
                new("3720.00", Ocr: ocr["1984"], Debtor: "Arboga kommun"),
                new("5000.00", Ocr: ocr["1983"], Debtor: "Köpings kommun"),
            ]))
            .Entry(new CamtEntry("100.00", AccountServicerReference: "BANK-3", Transactions: [new(Ocr: OcrReference.Create("202699999").Value, Debtor: "Okänd")]))
            .Entry(new CamtEntry("250.00", AccountServicerReference: "BANK-4", Transactions: [new(Ocr: "20260001416", Debtor: "Felskrivet")]))
            .Entry(new CamtEntry("999.00", Indicator: "DBIT", AccountServicerReference: "BANK-5"))
            .ToBytes();

        var report = await ImportAsync(scenario, "camt054-20260302.xml", camt);

        Assert.Equal((3, 0, 2, 0), (report.Booked, report.AlreadyBooked, report.Unmatched, report.AlreadyUnmatched));
        var invoices = await InvoicesAsync(scenario);
        Assert.Equal(PaymentStatus.Paid, invoices["1980"].Status);
        Assert.Equal(PaymentStatus.Paid, invoices["1984"].Status);
        Assert.Equal((PaymentStatus.PartiallyPaid, Money.FromKronor(1_852)), (invoices["1983"].Status, invoices["1983"].OwnRemaining));
        Assert.Equal(27, invoices.Values.Count(i => i.Status == PaymentStatus.Unpaid));
        var unmatched = await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None);
        Assert.Equal([Money.FromKronor(100), Money.FromKronor(250)], unmatched.Select(u => u.Amount).Order());
        Assert.Contains(unmatched, u => u.Reason.Contains("matches no issued invoice", StringComparison.Ordinal));
        Assert.Contains(unmatched, u => u.Reason.Contains("not a valid OCR", StringComparison.Ordinal));

        var again = await ImportAsync(scenario, "camt054-20260302-copy.xml", camt);

        Assert.True(again.NothingNew);
        Assert.Equal((0, 3, 0, 2), (again.Booked, again.AlreadyBooked, again.Unmatched, again.AlreadyUnmatched));
        Assert.Equal(Snapshot(invoices), Snapshot(await InvoicesAsync(scenario)));
        Assert.Equal(2, (await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_bgmax_with_two_deposits_books_each_payment_and_sends_deductions_to_the_unmatched_list()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        var bgmax = new BgMaxBuilder().Start().Opening("9912346")
            .Payment(ocr["0380"], 4_560_100, "000000000001").Name("Uppsala kommun")
            .Payment(ocr["2180"], 1_000_000, "000000000002").Name("Gävle kommun")
            .Deposit("20260302", "00001")
            .Opening("9912346")
            .Payment(ocr["2180"], 1_736_800, "000000000003").Name("Gävle kommun")
            .Payment(ocr["1981"], 615_100, "000000000004").Name("Sala kommun")
            .Deduction(ocr["1981"], 10_000, "000000000005")
            .Deposit("20260303", "00002")
            .End()
            .ToLatin1();

        var report = await ImportAsync(scenario, "BGMAX.txt", bgmax);

        Assert.Equal((4, 1), (report.Booked, report.Unmatched));
        var invoices = await InvoicesAsync(scenario);
        Assert.Equal(PaymentStatus.Paid, invoices["0380"].Status);
        Assert.Equal(PaymentStatus.Paid, invoices["2180"].Status);
        Assert.Equal((PaymentStatus.Overpaid, Money.FromKronor(-100)), (invoices["1981"].Status, invoices["1981"].OwnRemaining));
        Assert.Contains(report.Lines, l => l.Booking is { Flag: PaymentFlag.Overpayment });
        var deduction = Assert.Single(await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None));
        Assert.Equal(Money.FromKronor(-100), deduction.Amount);
        Assert.Contains("deduction", deduction.Reason, StringComparison.Ordinal);
        var gavle = await scenario.Get<PaymentLedger>().HistoryAsync(invoices["2180"].Key, CancellationToken.None);
        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3)], gavle.Select(h => h.PaidOn).Order());
        Assert.All(gavle, h => Assert.Equal("BGMAX.txt", h.Source));

        var again = await ImportAsync(scenario, "BGMAX-again.txt", bgmax);

        Assert.True(again.NothingNew);
        Assert.Equal(Snapshot(invoices), Snapshot(await InvoicesAsync(scenario)));
    }

    [Fact]
    public async Task An_overlapping_file_books_only_its_new_entries()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        var first = new Camt054Builder(2).Entry(new CamtEntry("1000.00", AccountServicerReference: "R-1", Transactions: [new(Ocr: ocr["0305"])]));
        var overlapping = new Camt054Builder(2)
            .Entry(new CamtEntry("1000.00", AccountServicerReference: "R-1", Transactions: [new(Ocr: ocr["0305"])]))
            .Entry(new CamtEntry("3224.00", AccountServicerReference: "R-2", Transactions: [new(Ocr: ocr["0305"])]));

        await ImportAsync(scenario, "monday.xml", first.ToBytes());
        var second = await ImportAsync(scenario, "tuesday.xml", overlapping.ToBytes());

        Assert.Equal((1, 1), (second.Booked, second.AlreadyBooked));
        var hobo = (await InvoicesAsync(scenario))["0305"];
        Assert.Equal((PaymentStatus.Paid, Money.FromKronor(4_224)), (hobo.Status, hobo.AmountPaid));
    }

    [Fact]
    public async Task A_file_with_a_payment_dated_in_the_future_books_nothing()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        var camt = new Camt054Builder(8)
            .Entry(new CamtEntry("43035.00", AccountServicerReference: "OK-1", Transactions: [new(Ocr: ocr["1980"])]))
            .Entry(new CamtEntry("100.00", AccountServicerReference: "FUTURE-1", BookingDate: "2026-12-24", Transactions: [new(Ocr: ocr["1984"])]))
            .ToBytes();

        var error = await Assert.ThrowsAsync<InvalidPaymentException>(() => ImportAsync(scenario, "future.xml", camt));

        Assert.Contains("future.xml: entry camt:FUTURE-1 is dated 2026-12-24", error.Message, StringComparison.Ordinal);
        Assert.All((await InvoicesAsync(scenario)).Values, i => Assert.Equal(PaymentStatus.Unpaid, i.Status));
        Assert.Empty(await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_bgmax_whose_totals_do_not_add_up_is_refused_before_anything_is_booked()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        var bgmax = new BgMaxBuilder().Start().Opening("9912346")
            .Payment(ocr["0380"], 4_560_100, "000000000001")
            .Deposit("20260302", "00001", amountOre: 4_560_000)
            .End()
            .ToLatin1();

        var error = Assert.Throws<BankFileException>(() => BankFileReader.Read("BGMAX.txt", bgmax));

        Assert.Contains("BGMAX.txt, line", error.Message, StringComparison.Ordinal);
        Assert.All((await InvoicesAsync(scenario)).Values, i => Assert.Equal(PaymentStatus.Unpaid, i.Status));
    }

    private Task<InvoicingScenario> IssuedAsync() => IssuedYear.IssuedAsync(azurite);

    private static string Snapshot(Dictionary<string, Invoice> invoices) =>
        string.Join(";", invoices.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key}:{i.Value.Status}:{i.Value.AmountPaid.Ore}"));
}
