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
        // The finance page's Swedish reasons, stored beside the terminal's English ones.
        Assert.Equal(
            [$"OCR-numret {OcrReference.Create("202699999").Value} hör inte till någon utfärdad faktura", "referensen '20260001416' är inte ett giltigt OCR-nummer (längd eller kontrollsiffra)"],
            unmatched.OrderBy(u => u.Amount).Select(u => u.SwedishReason));

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
        Assert.Contains(report.Lines, l => l.Bookings.Any(b => b.Flag == PaymentFlag.Overpayment));
        var deduction = Assert.Single(await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None));
        Assert.Equal(Money.FromKronor(-100), deduction.Amount);
        Assert.Contains("deduction", deduction.Reason, StringComparison.Ordinal);
        var gavle = await scenario.Get<PaymentHistory>().ListAsync(invoices["2180"].Key, CancellationToken.None);
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

    [Fact]
    public async Task Equal_payments_of_one_day_and_OCR_are_each_a_payment_and_the_other_format_is_paired_with_them_one_for_one()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        var camt = new Camt054Builder(8) { Account = "9912346" }
            .Entry(new CamtEntry("1000.00", AccountServicerReference: "A-1", Transactions: [new(Ocr: ocr["0305"])]))
            .Entry(new CamtEntry("1000.00", AccountServicerReference: "A-2", Transactions: [new(Ocr: ocr["0305"])]));
        var bgmax = new BgMaxBuilder().Start().Opening("9912346")
            .Payment(ocr["0305"], 100_000, "000000000001")
            .Payment(ocr["0305"], 100_000, "000000000002")
            .Payment(ocr["0305"], 100_000, "000000000003")
            .Deposit("20260302", "00001")
            .End();

        var first = await ImportAsync(scenario, "camt.xml", camt.ToBytes());
        var second = await ImportAsync(scenario, "bgmax.txt", bgmax.ToLatin1());

        Assert.Equal(2, first.Booked);
        Assert.Equal([ImportOutcome.SamePayment, ImportOutcome.SamePayment, ImportOutcome.Booked], second.Lines.Select(l => l.Outcome));
        Assert.Equal(Money.FromKronor(3_000), (await InvoicesAsync(scenario))["0305"].AmountPaid);
        Assert.True((await ImportAsync(scenario, "camt-again.xml", camt.ToBytes())).NothingNew);
    }

    [Fact]
    public async Task A_payment_whose_other_format_delivery_reached_the_invoice_after_the_import_planned_is_recorded_as_the_same_payment_not_booked_twice()
    {
        // What the second of two imports running at the same moment meets: it planned before the first booked.
        await using var scenario = await IssuedAsync();
        var habo = (await InvoicesAsync(scenario))["0305"];
        var ledger = scenario.Get<PaymentLedger>();
        const string Fingerprint = "0123456789abcdef0123456789abcdef01234567";
        await ledger.BookAsync(habo.Key, new PaymentBooking("camt:A-1", "camt.xml", Money.FromKronor(1_000), new DateOnly(2026, 3, 2)) { Fingerprint = Fingerprint }, CancellationToken.None);

        var second = await ledger.BookAsync(habo.Key, new PaymentBooking("bgmax:000000000001", "bgmax.txt", Money.FromKronor(1_000), new DateOnly(2026, 3, 2)) { Fingerprint = Fingerprint }, CancellationToken.None);

        Assert.Equal((PaymentFlag.AlreadyReceived, Money.Zero), (second.Flag, second.Amount));
        Assert.Equal(Money.FromKronor(1_000), (await InvoicesAsync(scenario))["0305"].AmountPaid);
        var history = await scenario.Get<PaymentHistory>().ListAsync(habo.Key, CancellationToken.None);
        Assert.Equal(EntryKey.For("camt:A-1"), history[^1].SameAs);
    }

    [Fact]
    public async Task A_camt054_and_a_bgmax_file_of_the_same_payments_imported_at_the_same_moment_book_each_payment_once()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        var debtors = new[] { "0305", "0319", "0330", "0331", "0360", "0380", "0381", "0382" };
        var camt = new Camt054Builder(8) { Account = "9912346" };
        var bgmax = new BgMaxBuilder().Start().Opening("9912346");
        foreach (var (debtor, index) in debtors.Select((d, i) => (d, i)))
        {
            camt = camt.Entry(new CamtEntry("1000.00", AccountServicerReference: $"C-{index}", Transactions: [new(Ocr: ocr[debtor])]));
            bgmax = bgmax.Payment(ocr[debtor], 100_000, $"00000000000{index}");
        }

        var reports = await Task.WhenAll(
            Task.Run(() => ImportAsync(scenario, "camt.xml", camt.ToBytes())),
            Task.Run(() => ImportAsync(scenario, "bgmax.txt", bgmax.Deposit("20260302", "00001").End().ToLatin1())));

        var invoices = await InvoicesAsync(scenario);
        Assert.All(debtors, debtor => Assert.Equal(Money.FromKronor(1_000), invoices[debtor].AmountPaid));
        Assert.Equal(debtors.Length, reports.Sum(r => r.Booked));
        Assert.Equal(debtors.Length, reports.Sum(r => r.SamePayment));
    }

    [Fact]
    public async Task Two_municipalities_paying_the_same_amount_on_the_same_day_are_two_payments_in_either_format()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        var camt = new Camt054Builder(8) { Account = "9912346" }
            .Entry(new CamtEntry("1500.00", AccountServicerReference: "1", Transactions: [new(Ocr: ocr["0305"], Debtor: "Håbo kommun")]))
            .Entry(new CamtEntry("1500.00", AccountServicerReference: "2", Transactions: [new(Ocr: ocr["0319"], Debtor: "Älvkarleby kommun")]));
        var bgmax = new BgMaxBuilder().Start().Opening("9912346")
            .Payment(ocr["0319"], 150_000, "000000000001")
            .Payment(ocr["0330"], 150_000, "000000000002")
            .Payment(ocr["0305"], 150_000, "000000000003")
            .Deposit("20260302", "00001")
            .End();

        await ImportAsync(scenario, "camt.xml", camt.ToBytes());
        var report = await ImportAsync(scenario, "bgmax.txt", bgmax.ToLatin1());

        Assert.Equal([ImportOutcome.SamePayment, ImportOutcome.Booked, ImportOutcome.SamePayment], report.Lines.Select(l => l.Outcome));
        var invoices = await InvoicesAsync(scenario);
        Assert.All(new[] { "0305", "0319", "0330" }, code => Assert.Equal(Money.FromKronor(1_500), invoices[code].AmountPaid));
    }

    [Fact]
    public async Task A_payment_that_matches_nothing_is_listed_once_whichever_format_brings_it_and_one_without_any_reference_is_listed_with_a_warning()
    {
        await using var scenario = await IssuedAsync();
        var camt = new Camt054Builder(8) { Account = "9912346" }
            .Entry(new CamtEntry("12000.00", AccountServicerReference: "U-1", Transactions: [new(Ocr: "12345678903", Debtor: "Okänd")]))
            .Entry(new CamtEntry("70.00", AccountServicerReference: "U-2", Transactions: [new(Debtor: "Gåvogivare")]));
        var bgmax = new BgMaxBuilder().Start().Opening("9912346")
            .Payment("12345678903", 1_200_000, "000000000001")
            .Payment("", 7_000, "000000000002")
            .Deposit("20260302", "00001")
            .End();

        await ImportAsync(scenario, "camt.xml", camt.ToBytes());
        var report = await ImportAsync(scenario, "bgmax.txt", bgmax.ToLatin1());

        Assert.Equal([ImportOutcome.SamePayment, ImportOutcome.Unmatched], report.Lines.Select(l => l.Outcome));
        var open = await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None);
        Assert.Single(open, u => u.Amount == Money.FromKronor(12_000));
        Assert.Equal(2, open.Count(u => u.Amount == Money.FromKronor(70)));
        Assert.Single(open, u => u.Reason.StartsWith("no reference; possibly the same payment as camt.054 entry camt:U-2 from camt.xml", StringComparison.Ordinal));
        Assert.Single(open, u => u.SwedishReason?.StartsWith("inget OCR-nummer eller annan referens; kanske samma betalning som ", StringComparison.Ordinal) == true
            && u.SwedishReason.EndsWith(" på listan: bokför bara en av dem", StringComparison.Ordinal));
        Assert.True((await ImportAsync(scenario, "bgmax-again.txt", bgmax.ToLatin1())).NothingNew);
    }

    [Fact]
    public async Task Another_payers_payment_under_a_bank_reference_used_before_is_listed_too()
    {
        await using var scenario = await IssuedAsync();
        var first = new Camt054Builder(8).Entry(new CamtEntry("70.00", AccountServicerReference: "1", Transactions: [new(Unstructured: "gåva", Debtor: "Anna Andersson")]));
        var second = new Camt054Builder(8).Entry(new CamtEntry("70.00", AccountServicerReference: "1", Transactions: [new(Unstructured: "gåva", Debtor: "Bertil Berg")]));

        await ImportAsync(scenario, "monday.xml", first.ToBytes());
        var report = await ImportAsync(scenario, "tuesday.xml", second.ToBytes());

        Assert.Equal(1, report.Unmatched);
        Assert.Equal(["Anna Andersson", "Bertil Berg"], (await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None)).Select(u => u.PayerName).Order());
    }

    private Task<InvoicingScenario> IssuedAsync() => IssuedYear.IssuedAsync(azurite);

    private static string Snapshot(Dictionary<string, Invoice> invoices) =>
        string.Join(";", invoices.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key}:{i.Value.Status}:{i.Value.AmountPaid.Ore}"));
}
