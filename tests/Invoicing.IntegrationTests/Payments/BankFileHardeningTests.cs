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
/// Money only from our own accounts, files booked whole or not at all, reversals undone or handed to a person,
/// and one acceptance rule for a payment's date (<see cref="PaymentAcceptance"/>): each refusal leaves every table and blob as it was.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BankFileHardeningTests(AzuriteFixture azurite)
{
    private const string SomeoneElsesIban = "SE3550000000054910000003";

    [Fact]
    public async Task A_camt054_addressed_to_another_account_is_refused_whole_naming_both_accounts()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        var camt = new Camt054Builder(8) { Account = SomeoneElsesIban }
            .Entry(new CamtEntry("43035.00", AccountServicerReference: "OTHER-1", Transactions: [new(Ocr: ocr["1980"])]))
            .ToBytes();
        var before = await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>());

        var error = await Assert.ThrowsAsync<InvalidPaymentException>(() => ImportAsync(scenario, "other.xml", camt));

        Assert.Contains($"addressed to account {SomeoneElsesIban}, which is not ours (bankgiro 991-2346, SE45 5000 0000 0583 9825 7466)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was booked", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>()));
    }

    [Fact]
    public async Task A_bgmax_for_another_bankgiro_is_refused_whole()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        var bgmax = new BgMaxBuilder().Start().Opening("50501055")
            .Payment(ocr["0380"], 4_560_100, "000000000001")
            .Deposit("20260302", "00001")
            .End()
            .ToLatin1();
        var before = await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>());

        var error = await Assert.ThrowsAsync<InvalidPaymentException>(() => ImportAsync(scenario, "BGMAX.txt", bgmax));

        Assert.Contains("addressed to account 50501055, which is not ours (bankgiro 991-2346", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>()));
    }

    [Fact]
    public async Task A_camt054_naming_our_bankgiro_as_its_account_is_booked()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        var camt = new Camt054Builder(8) { Account = "9912346" }
            .Entry(new CamtEntry("43035.00", AccountServicerReference: "BG-1", Transactions: [new(Ocr: ocr["1980"])]))
            .ToBytes();

        var report = await ImportAsync(scenario, "bg.xml", camt);

        Assert.Equal(1, report.Booked);
    }

    [Fact]
    public async Task An_entry_too_long_to_store_is_a_validation_error_naming_line_and_field_and_nothing_is_booked()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        var camt = new Camt054Builder(8)
            .Entry(new CamtEntry("43035.00", AccountServicerReference: "GOOD-1", Transactions: [new(Ocr: ocr["1980"])]))
            .Entry(new CamtEntry("100.00", AccountServicerReference: "LONG-1", Transactions: [new(Unstructured: new string('7', 100_000))]))
            .ToBytes();
        var before = await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>());

        var error = await Assert.ThrowsAsync<BankFileException>(() => ImportAsync(scenario, "long.xml", camt));

        Assert.Contains("long.xml", error.Message, StringComparison.Ordinal);
        Assert.Contains("Ntry[2]/NtryDtls/TxDtls/RmtInf (line ", error.Message, StringComparison.Ordinal);
        Assert.Contains("payment texts (RmtInf) is 100000 characters; at most 1000 are kept", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>()));
    }

    [Theory]
    [InlineData(FaultTiming.BeforeSending)]
    [InlineData(FaultTiming.AfterResponse)]
    public async Task A_crash_in_the_middle_of_booking_a_valid_file_is_completed_by_the_next_import_each_entry_once(FaultTiming timing)
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        var camt = new Camt054Builder(8)
            .Entry(new CamtEntry("43035.00", AccountServicerReference: "C-1", Transactions: [new(Ocr: ocr["1980"])]))
            .Entry(new CamtEntry("1000.00", AccountServicerReference: "C-2", Transactions: [new(Ocr: ocr["0305"])]))
            .Entry(new CamtEntry("3224.00", AccountServicerReference: "C-3", Transactions: [new(Ocr: ocr["0305"])]))
            .ToBytes();
        using var process = new CancellationTokenSource();
        scenario.Faults.Arm(
            r => r.Method == RequestMethod.Post && r.Uri.Path.EndsWith("$batch", StringComparison.Ordinal), timing, skip: 1, beforeThrow: process.Cancel);

        var crashed = await Record.ExceptionAsync(() => scenario.Get<PaymentImport>().ImportAsync(BankFileReader.Read("c.xml", camt), process.Token));

        Assert.True(scenario.Faults.Fired);
        Assert.NotNull(crashed);
        var again = await ImportAsync(scenario, "c.xml", camt);

        Assert.Equal(3, again.Booked + again.AlreadyBooked);
        var invoices = await InvoicesAsync(scenario);
        Assert.Equal((PaymentStatus.Paid, Money.FromKronor(43_035)), (invoices["1980"].Status, invoices["1980"].AmountPaid));
        Assert.Equal((PaymentStatus.Paid, Money.FromKronor(4_224)), (invoices["0305"].Status, invoices["0305"].AmountPaid));
        Assert.Equal(2, (await scenario.Get<PaymentHistory>().ListAsync(invoices["0305"].Key, CancellationToken.None)).Count);
        Assert.True((await ImportAsync(scenario, "c.xml", camt)).NothingNew);
    }

    [Fact]
    public async Task A_reversal_of_a_booked_payment_undoes_it_and_the_history_shows_both()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        await ImportAsync(scenario, "paid.xml", new Camt054Builder(8)
            .Entry(new CamtEntry("43035.00", AccountServicerReference: "PAY-1", Transactions: [new(Ocr: ocr["1980"])]))
            .ToBytes());
        scenario.Time.Advance(TimeSpan.FromHours(1));
        var reversal = new Camt054Builder(8)
            .Entry(new CamtEntry("43035.00", Indicator: "DBIT", AccountServicerReference: "REV-1", BookingDate: "2026-03-03", Reversal: true,
                Transactions: [new(Ocr: ocr["1980"], Indicator: "DBIT")]))
            .ToBytes();

        var report = await ImportAsync(scenario, "reversal.xml", reversal);

        var line = Assert.Single(report.Lines);
        Assert.Equal(ImportOutcome.Booked, line.Outcome);
        Assert.Equal((PaymentStatus.Paid, PaymentStatus.Unpaid, PaymentFlag.Reversal), (line.Bookings[0].Before, line.Bookings[0].After, line.Bookings[0].Flag));
        var invoice = (await InvoicesAsync(scenario))["1980"];
        Assert.Equal((PaymentStatus.Unpaid, Money.Zero), (invoice.Status, invoice.AmountPaid));
        var history = await scenario.Get<PaymentHistory>().ListAsync(invoice.Key, CancellationToken.None);
        Assert.Equal([Money.FromKronor(43_035), Money.FromKronor(-43_035)], history.Select(h => h.Amount));
        Assert.Equal((history[0].Key, "reversal of camt:PAY-1"), (history[1].Reverses, history[1].Note));
        Assert.True((await ImportAsync(scenario, "reversal-again.xml", reversal)).NothingNew);
        Assert.Equal(PaymentStatus.Unpaid, (await InvoicesAsync(scenario))["1980"].Status);
    }

    [Fact]
    public async Task An_ordinary_debit_quoting_an_ocr_is_outgoing_money_and_leaves_the_payment_booked()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);
        await ImportAsync(scenario, "paid.xml", new Camt054Builder(8)
            .Entry(new CamtEntry("1000.00", AccountServicerReference: "PAY-2", Transactions: [new(Ocr: ocr["0305"])]))
            .ToBytes());

        var report = await ImportAsync(scenario, "debit.xml", new Camt054Builder(8)
            .Entry(new CamtEntry("1000.00", Indicator: "DBIT", AccountServicerReference: "DBIT-2", Family: "ICDT",
                Transactions: [new(Ocr: ocr["0305"], Creditor: "Håbo kommun", Indicator: "DBIT")]))
            .ToBytes());

        var line = Assert.Single(report.Lines);
        Assert.Equal((ImportOutcome.Outgoing, BankEntryKind.Outgoing, 1), (line.Outcome, line.Entry.Kind, report.Outgoing));
        Assert.Equal((PaymentStatus.PartiallyPaid, Money.FromKronor(1_000)), ((await InvoicesAsync(scenario))["0305"].Status, (await InvoicesAsync(scenario))["0305"].AmountPaid));
        Assert.Empty(await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_reversal_that_matches_no_booked_payment_goes_to_the_unmatched_list_as_a_reversal()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);

        var report = await ImportAsync(scenario, "reversal.xml", new Camt054Builder(8)
            .Entry(new CamtEntry("500.00", Indicator: "DBIT", AccountServicerReference: "REV-9", Reversal: true, Transactions: [new(Ocr: ocr["1980"], Indicator: "DBIT")]))
            .Entry(new CamtEntry("250.00", Indicator: "CRDT", AccountServicerReference: "REV-10", Reversal: true, Transactions: [new(Ocr: ocr["1984"])]))
            .ToBytes());

        Assert.Equal(2, report.Unmatched);
        var unmatched = await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None);
        var taken = Assert.Single(unmatched, u => u.Amount == Money.FromKronor(-500));
        Assert.StartsWith("a reversal of 500,00", taken.Reason, StringComparison.Ordinal);
        Assert.Contains($"quoting OCR {ocr["1980"]}", taken.Reason, StringComparison.Ordinal);
        Assert.Contains("no booked payment of that amount", taken.Reason, StringComparison.Ordinal);
        Assert.Contains(unmatched, u => u.Amount == Money.FromKronor(250) && u.Reason.Contains("returned debit", StringComparison.Ordinal));
        // The same reasons in Swedish, for the finance page.
        Assert.StartsWith("en återföring av 500,00\u00A0kr med OCR-numret " + ocr["1980"] + ", men faktura ", taken.SwedishReason, StringComparison.Ordinal);
        Assert.EndsWith(" har ingen bokförd betalning på det beloppet att ta tillbaka: någon måste utreda den", taken.SwedishReason, StringComparison.Ordinal);
        Assert.StartsWith("en återförd debitering", unmatched.Single(u => u.Amount == Money.FromKronor(250)).SwedishReason, StringComparison.Ordinal);
        Assert.All((await InvoicesAsync(scenario)).Values, i => Assert.Equal(PaymentStatus.Unpaid, i.Status));
        var error = await Assert.ThrowsAsync<InvalidPaymentException>(() =>
            scenario.Get<SuspenseList>().BookAsync(taken.Id, new InvoiceKey(InvoicingScenario.Scheme, 2026, InvoiceNumber.Parse("202600001")), CancellationToken.None));
        Assert.Contains("money taken back", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bank_payment_dated_before_the_year_preceding_its_invoice_goes_to_a_person_not_onto_the_invoice()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);

        var report = await ImportAsync(scenario, "old.xml", new Camt054Builder(8)
            .Entry(new CamtEntry("43035.00", AccountServicerReference: "OLD-1", BookingDate: "1900-01-01", Transactions: [new(Ocr: ocr["1980"])]))
            .ToBytes());

        var line = Assert.Single(report.Lines);
        Assert.Equal(ImportOutcome.Unmatched, line.Outcome);
        Assert.Contains("a payment dated 1900-01-01, before 2025-01-01, cannot be one of it", line.Reason, StringComparison.Ordinal);
        Assert.Equal(PaymentStatus.Unpaid, (await InvoicesAsync(scenario))["1980"].Status);
    }

    [Fact]
    public async Task A_bank_payment_dated_in_the_december_before_the_invoice_year_is_booked_and_flagged_as_paid_in_advance()
    {
        await using var scenario = await IssuedAsync();
        var ocr = await OcrsAsync(scenario);

        var report = await ImportAsync(scenario, "december.xml", new Camt054Builder(8)
            .Entry(new CamtEntry("100.00", AccountServicerReference: "DEC-1", BookingDate: "2025-12-30", Transactions: [new(Ocr: ocr["1980"])]))
            .ToBytes());

        var booking = Assert.Single(Assert.Single(report.Lines).Bookings);
        Assert.True(booking is { Booked: true, PaidInAdvance: true, After: PaymentStatus.PartiallyPaid });
        Assert.Equal(1, report.PaidInAdvance);
    }

    [Fact]
    public async Task A_payment_registered_by_hand_dated_before_the_invoice_was_issued_is_booked_and_said_to_be_paid_in_advance()
    {
        await using var scenario = await IssuedAsync();
        var invoice = (await InvoicesAsync(scenario))["1980"];

        var result = await scenario.Get<PaymentLedger>().BookAsync(
            invoice.Key, PaymentBooking.Manual(invoice.Number, Money.FromKronor(100), invoice.IssueDate.AddDays(-1), null, null), CancellationToken.None);

        Assert.True(result is { Booked: true, PaidInAdvance: true, After: PaymentStatus.PartiallyPaid });
        Assert.True(Assert.Single(await scenario.Get<PaymentHistory>().ListAsync(invoice.Key, CancellationToken.None)).PaidInAdvance);
    }

    [Theory]
    [InlineData("1900-01-01", "a payment dated 1900-01-01, before 2025-01-01, cannot be one of it (is the date mistyped?)")]
    [InlineData("2024-12-31", "a payment dated 2024-12-31, before 2025-01-01, cannot be one of it")]
    [InlineData("2026-03-05", "a payment dated 2026-03-05 is after today (2026-03-04); book it when it has been received.")]
    public async Task A_payment_dated_after_today_or_before_the_year_preceding_its_invoice_is_refused_and_nothing_is_written(string date, string expected)
    {
        await using var scenario = await IssuedAsync();
        var invoice = (await InvoicesAsync(scenario))["1980"];
        var before = await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>());

        var error = await Assert.ThrowsAsync<InvalidPaymentException>(() => scenario.Get<PaymentLedger>().BookAsync(
            invoice.Key, PaymentBooking.Manual(invoice.Number, Money.FromKronor(100), IsoDate.Parse(date), null, null), CancellationToken.None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>()));
    }

    [Fact]
    public async Task An_unmatched_entry_on_one_issuers_account_is_never_booked_on_another_issuers_invoice()
    {
        await using var scenario = new InvoicingScenario(azurite, Agreements.StockholmScenario.Settings());
        await scenario.SeedAndApproveAsync();
        await Agreements.StockholmScenario.SeedAndApproveStockholmAsync(scenario);
        await scenario.RunAsync();
        scenario.Time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 7, 0, 0, TimeSpan.Zero));
        var report = await ImportAsync(scenario, "vasteras.xml", new Camt054Builder(8)
            .Entry(new CamtEntry("5000.00", AccountServicerReference: "NOREF-1", BookingDate: "2026-03-02", Transactions: [new(Unstructured: "bidrag 2026")]))
            .ToBytes());
        var id = Assert.Single(report.Lines).UnmatchedId!;
        var stockholms = (await scenario.Get<InvoiceStore>().ListAsync(Agreements.StockholmScenario.Scheme, 2026, CancellationToken.None))[0];
        var before = await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>());

        var error = await Assert.ThrowsAsync<InvalidPaymentException>(() => scenario.Get<SuspenseList>().BookAsync(id, stockholms.Key, CancellationToken.None));

        Assert.Equal(
            $"Invoice {stockholms.Number} (stockholm-pom) is Stockholms stad's, but this money reached account {Camt054Builder.Iban}, which is not Stockholms stad's (bankgiro 991-2353). Nothing was booked.",
            error.Message);
        Assert.Equal(before, await StorageContents.TakeAsync(scenario.Get<InvoicingStorage>()));
        var vasteras = (await InvoicesAsync(scenario))["1980"];
        Assert.True((await scenario.Get<SuspenseList>().BookAsync(id, vasteras.Key, CancellationToken.None)).Booked);
    }

    private Task<InvoicingScenario> IssuedAsync() => IssuedYear.IssuedAsync(azurite);
}
