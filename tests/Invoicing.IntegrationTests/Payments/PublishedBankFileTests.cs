using System.Text;
using Azure.Core;
using Invoicing.Invoices;
using Invoicing.Payments;
using Invoicing.Payments.BankFiles;
using Invoicing.Testing;
using Invoicing.Testing.BankFiles;

using static Invoicing.IntegrationTests.Payments.IssuedYear;

namespace Invoicing.IntegrationTests.Payments;

/// <summary>
/// Issue 20's defects, each kept as a regression test on bank files others wrote (TestData/bank-files/README.md):
/// Bankgirot's BgMax example with its references turned into the bundled invoices' OCR numbers, and a camt.054
/// shaped like the ISO 20022 examples. Invoices 202600001-202600013 are Uppsala county's and Västmanland's first
/// five (the README's table).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublishedBankFileTests(AzuriteFixture azurite)
{
    private static readonly byte[] BgMax = PublishedBankFiles.Read(PublishedBankFiles.BgMaxExample2026);

    private static readonly byte[] Camt = PublishedBankFiles.Read(PublishedBankFiles.Camt054Sample);

    [Fact]
    public async Task The_numbers_the_files_use_name_the_invoices_the_readme_says()
    {
        await using var scenario = await IssuedAsync();

        var invoices = await InvoicesAsync(scenario);

        Assert.Equal(
            ["0305", "0319", "0330", "0331", "0360", "0380", "0381", "0382", "1904", "1907", "1960", "1961", "1962"],
            Enumerable.Range(1, 13).Select(sequence => invoices.Single(i => i.Value.Number == new InvoiceNumber(2026, sequence)).Key));
    }

    [Fact]
    public async Task A_BgMax_payment_with_extra_references_pays_each_named_invoice_in_order_and_the_rest_is_an_overpayment_on_the_last()
    {
        await using var scenario = await IssuedAsync();

        var report = await ImportAsync(scenario, PublishedBankFiles.BgMaxExample2026, BgMax);

        // TK20 12 000 kr naming Knivsta (3 897), Heby (2 638), Tierp (3 880) and, by its TAB line, Skinnskatteberg (1 131).
        var shared = report.Lines.Single(l => l.Entry.Amount == Money.FromKronor(12_000));
        Assert.Equal(ImportOutcome.Booked, shared.Outcome);
        Assert.Equal(
            [("202600003", 3_897L, PaymentStatus.Paid, PaymentFlag.None), ("202600004", 2_638L, PaymentStatus.Paid, PaymentFlag.None),
             ("202600005", 3_880L, PaymentStatus.Paid, PaymentFlag.None), ("202600009", 1_585L, PaymentStatus.Overpaid, PaymentFlag.Overpayment)],
            shared.Bookings.Select(b => (b.Invoice.Number.ToString(), b.Amount.Ore / 100, b.After, b.Flag)));
        Assert.All(shared.Bookings.Select((b, i) => (b, i)), x => Assert.Equal(new PaymentSplit(x.i + 1, 4, Money.FromKronor(12_000)), x.b.Split));
        var invoices = await InvoicesAsync(scenario);
        Assert.Equal([PaymentStatus.Paid, PaymentStatus.Paid, PaymentStatus.Paid, PaymentStatus.Overpaid],
            new[] { "0330", "0331", "0360", "1904" }.Select(code => invoices[code].Status));
        Assert.Equal(Money.FromKronor(-454), invoices["1904"].OwnRemaining);
        var heby = await scenario.Get<PaymentHistory>().ListAsync(invoices["0331"].Key, CancellationToken.None);
        Assert.Equal(("part 2 of 4 of 12\u00A0000,00\u00A0kr, references 20260000318 20260000417 20260000516 20260000912", "Kalles Plåt AB"),
            (Assert.Single(heby).Note, heby[0].PayerName));

        // TK20 14 440 kr naming Norberg, Östhammar and Enköping (TK22 twice), paying each exactly.
        Assert.Equal([PaymentStatus.Paid, PaymentStatus.Paid, PaymentStatus.Paid], new[] { "1962", "0382", "0381" }.Select(code => invoices[code].Status));
        Assert.True((await ImportAsync(scenario, "again.txt", BgMax)).NothingNew);
    }

    [Theory]
    [InlineData(FaultTiming.BeforeSending, 1)]
    [InlineData(FaultTiming.AfterResponse, 1)]
    [InlineData(FaultTiming.BeforeSending, 4)]
    [InlineData(FaultTiming.AfterResponse, 7)]
    public async Task A_crash_between_the_parts_of_shared_payments_is_completed_by_the_next_import_each_part_once(FaultTiming timing, int skip)
    {
        await using var scenario = await IssuedAsync();
        using var process = new CancellationTokenSource();
        scenario.Faults.Arm(
            r => r.Method == RequestMethod.Post && r.Uri.Path.EndsWith("$batch", StringComparison.Ordinal), timing, skip: skip, beforeThrow: process.Cancel);

        var crashed = await Record.ExceptionAsync(() => scenario.Get<PaymentImport>().ImportAsync(BankFileReader.Read("crash.txt", BgMax), process.Token));
        Assert.True(scenario.Faults.Fired);
        Assert.NotNull(crashed);
        await ImportAsync(scenario, PublishedBankFiles.BgMaxExample2026, BgMax);

        var invoices = await InvoicesAsync(scenario);
        Assert.Equal(
            [(PaymentStatus.Paid, 3_897L), (PaymentStatus.Paid, 2_638L), (PaymentStatus.Paid, 3_880L), (PaymentStatus.Overpaid, 1_585L), (PaymentStatus.Paid, 1_436L), (PaymentStatus.Paid, 4_070L), (PaymentStatus.Paid, 8_934L)],
            new[] { "0330", "0331", "0360", "1904", "1962", "0382", "0381" }.Select(code => (invoices[code].Status, invoices[code].AmountPaid.Ore / 100)));
        foreach (var code in new[] { "0330", "0331", "0360", "1904", "1962", "0382", "0381" })
        {
            Assert.Single(await scenario.Get<PaymentHistory>().ListAsync(invoices[code].Key, CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_BgMax_payment_that_names_its_invoice_only_in_text_waits_with_the_text_and_the_invoice_suggested_and_is_booked_when_a_person_confirms()
    {
        await using var scenario = await IssuedAsync();

        var report = await ImportAsync(scenario, PublishedBankFiles.BgMaxExample2026, BgMax);

        var line = report.Lines.Single(l => l.Entry.Amount == Money.FromKronor(2_290));
        Assert.Equal((ImportOutcome.Unmatched, "no reference"), (line.Outcome, line.Reason));
        var kungsor = (await InvoicesAsync(scenario))["1960"];
        Assert.Equal(kungsor.Key, line.Suggested!.Invoice);
        var listed = Assert.Single(await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None), u => u.Amount == Money.FromKronor(2_290));
        Assert.Equal(["faktura nr 202600011", "Storgatan 10 12345", "Storåker", "org.nr 5500002222"], listed.Texts);
        Assert.Equal(new InvoiceSuggestion(kungsor.Key, kungsor.DebtorName), listed.Suggested);
        Assert.Equal(PaymentStatus.Unpaid, (await InvoicesAsync(scenario))["1960"].Status);

        var booked = await scenario.Get<SuspenseList>().BookAsync(listed.Id, listed.Suggested!.Invoice, CancellationToken.None);

        Assert.Equal((PaymentStatus.Unpaid, PaymentStatus.Paid), (booked.Before, booked.After));
        Assert.True((await ImportAsync(scenario, "again.txt", BgMax)).NothingNew);
    }

    [Fact]
    public async Task A_BgMax_deduction_is_settled_by_a_person_on_the_invoice_it_belongs_to()
    {
        await using var scenario = await IssuedAsync();
        await ImportAsync(scenario, PublishedBankFiles.BgMaxExample2026, BgMax);
        var deduction = Assert.Single(await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None), u => u.Kind == BankEntryKind.Deduction);
        Assert.Equal((Money.FromKronor(-500), "89853"), (deduction.Amount, deduction.Reference));
        var alvkarleby = (await InvoicesAsync(scenario))["0319"];

        var settled = await scenario.Get<SuspenseList>().BookAsync(deduction.Id, alvkarleby.Key, CancellationToken.None);

        Assert.Equal((PaymentStatus.Paid, PaymentStatus.PartiallyPaid, PaymentFlag.Deduction, Money.FromKronor(-500)), (settled.Before, settled.After, settled.Flag, settled.Amount));
        Assert.Equal(Money.FromKronor(1_256), (await InvoicesAsync(scenario))["0319"].AmountPaid);
        Assert.DoesNotContain(await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None), u => u.Id == deduction.Id);
        Assert.True((await ImportAsync(scenario, "again.txt", BgMax)).NothingNew);
    }

    [Fact]
    public async Task The_ISO_sample_is_read_whole_its_supplier_payments_are_outgoing_and_its_reversal_takes_back_the_payment_it_names()
    {
        await using var scenario = await IssuedAsync();
        await ImportAsync(scenario, PublishedBankFiles.BgMaxExample2026, BgMax);

        var report = await ImportAsync(scenario, PublishedBankFiles.Camt054Sample, Camt);

        Assert.Equal(
            [ImportOutcome.SamePayment, ImportOutcome.Unmatched, ImportOutcome.Booked, ImportOutcome.Outgoing, ImportOutcome.Booked, ImportOutcome.Outgoing, ImportOutcome.NotBooked],
            report.Lines.Select(l => l.Outcome));
        var reversal = report.Lines[4];
        Assert.Equal((PaymentStatus.Paid, PaymentStatus.Unpaid, PaymentFlag.Reversal), (reversal.Bookings[0].Before, reversal.Bookings[0].After, reversal.Bookings[0].Flag));
        var invoices = await InvoicesAsync(scenario);
        Assert.Equal((PaymentStatus.Unpaid, Money.Zero), (invoices["1907"].Status, invoices["1907"].AmountPaid));
        Assert.Equal((PaymentStatus.Paid, PaymentStatus.Paid), (invoices["0380"].Status, invoices["0305"].Status));
        var unmatched = await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None);
        Assert.DoesNotContain(unmatched, u => u.Amount == Money.FromKronor(-12_500) || u.Amount == Money.FromKronor(-2_500));
        Assert.Equal((2, 1), (report.Outgoing, report.NotBooked));
        Assert.True((await ImportAsync(scenario, "sample-again.xml", Camt)).NothingNew);
    }

    [Fact]
    public async Task The_same_payment_delivered_as_camt054_and_as_BgMax_is_booked_once_whichever_comes_first()
    {
        await using var bgmaxFirst = await IssuedAsync();
        await using var camtFirst = await IssuedAsync();

        await ImportAsync(bgmaxFirst, PublishedBankFiles.BgMaxExample2026, BgMax);
        var camt = await ImportAsync(bgmaxFirst, PublishedBankFiles.Camt054Sample, Camt);
        await ImportAsync(camtFirst, PublishedBankFiles.Camt054Sample, Camt);
        var bgmax = await ImportAsync(camtFirst, PublishedBankFiles.BgMaxExample2026, BgMax);

        var fromCamt = camt.Lines.Single(l => l.Entry.Amount == Money.FromKronor(1_756));
        Assert.Equal(ImportOutcome.SamePayment, fromCamt.Outcome);
        Assert.StartsWith("the same payment as BgMax entry bgmax:9912346:20260302:000000000010 from bgmax-bankgirot-example-2026.txt, booked on 202600002", fromCamt.Reason, StringComparison.Ordinal);
        var fromBgMax = bgmax.Lines.Single(l => l.Entry.Amount == Money.FromKronor(1_756));
        Assert.Equal(ImportOutcome.SamePayment, fromBgMax.Outcome);
        Assert.StartsWith("the same payment as camt.054 entry camt:ESSE20260302BG00017-1", fromBgMax.Reason, StringComparison.Ordinal);
        foreach (var scenario in new[] { bgmaxFirst, camtFirst })
        {
            var alvkarleby = (await InvoicesAsync(scenario))["0319"];
            Assert.Equal((PaymentStatus.Paid, Money.FromKronor(1_756)), (alvkarleby.Status, alvkarleby.AmountPaid));
            var history = await scenario.Get<PaymentHistory>().ListAsync(alvkarleby.Key, CancellationToken.None);
            Assert.Equal([Money.FromKronor(1_756), Money.Zero], history.Select(h => h.Amount));
            Assert.Equal(PaymentFlag.AlreadyReceived, history[1].Flag);
            Assert.True((await ImportAsync(scenario, "camt-again.xml", Camt)).NothingNew);
            Assert.True((await ImportAsync(scenario, "bgmax-again.txt", BgMax)).NothingNew);
        }
    }

    [Fact]
    public async Task A_later_payment_that_reuses_a_bank_reference_with_another_date_is_a_new_payment_booked_and_listed()
    {
        await using var scenario = await IssuedAsync();
        await ImportAsync(scenario, PublishedBankFiles.Camt054Sample, Camt);
        var nextDay = Encoding.UTF8.GetBytes(PublishedBankFiles.Camt054SampleText()
            .Replace("<Dt>2026-03-02</Dt>", "<Dt>2026-03-04</Dt>", StringComparison.Ordinal)
            .Replace("<Dt>2026-03-03</Dt>", "<Dt>2026-03-04</Dt>", StringComparison.Ordinal));

        var report = await ImportAsync(scenario, "camt054-next-day.xml", nextDay);

        // Both invoices it names are paid: nothing is due on the first, so the whole payment is the last one's overpayment.
        Assert.Equal(ImportOutcome.Booked, report.Lines[2].Outcome);
        var booking = Assert.Single(report.Lines[2].Bookings);
        Assert.Equal(("202600001", Money.FromKronor(49_825), PaymentFlag.InvoiceAlreadyPaid), (booking.Invoice.Number.ToString(), booking.Amount, booking.Flag));
        Assert.Equal(ImportOutcome.Unmatched, report.Lines[1].Outcome);
        Assert.Equal(2, (await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None)).Count(u => u.Amount == Money.FromKronor(12_000)));
        Assert.Equal(Money.FromKronor(4_224 + 49_825), (await InvoicesAsync(scenario))["0305"].AmountPaid);
    }

    [Fact]
    public async Task A_redelivered_batch_whose_transactions_come_in_another_order_books_nothing_again()
    {
        await using var scenario = await IssuedAsync();
        await ImportAsync(scenario, PublishedBankFiles.Camt054Sample, Camt);
        var text = PublishedBankFiles.Camt054SampleText();
        var first = Slice(text, "<TxDtls>", "ESSE20260302BG00017-1");
        var second = Slice(text, "<TxDtls>", "ESSE20260302BG00017-2");
        var swapped = text.Replace(first, "\u0001", StringComparison.Ordinal).Replace(second, first, StringComparison.Ordinal).Replace("\u0001", second, StringComparison.Ordinal);

        var report = await ImportAsync(scenario, "camt054-reordered.xml", Encoding.UTF8.GetBytes(swapped));

        Assert.True(report.NothingNew);
        Assert.Equal(Money.FromKronor(1_756), (await InvoicesAsync(scenario))["0319"].AmountPaid);
        Assert.Single(await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None), u => u.Amount == Money.FromKronor(12_000));
    }

    [Fact]
    public async Task A_payment_dated_before_its_invoice_was_issued_is_booked_and_said_to_be_paid_in_advance()
    {
        await using var scenario = await IssuedAsync();
        var january = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(BgMax).Replace("20260302", "20260115", StringComparison.Ordinal));

        var report = await ImportAsync(scenario, "bgmax-january.txt", january);

        var booked = report.Lines.Where(l => l.Outcome == ImportOutcome.Booked).SelectMany(l => l.Bookings).ToList();
        Assert.Equal(10, booked.Count);
        Assert.All(booked, b => Assert.True(b.PaidInAdvance));
        Assert.Equal(10, report.PaidInAdvance);
        var alvkarleby = (await InvoicesAsync(scenario))["0319"];
        Assert.Equal(PaymentStatus.Paid, alvkarleby.Status);
        Assert.True(Assert.Single(await scenario.Get<PaymentHistory>().ListAsync(alvkarleby.Key, CancellationToken.None)).PaidInAdvance);
    }

    [Fact]
    public async Task Bankgirots_own_example_is_listed_for_a_person_with_its_references_and_texts_and_books_nothing()
    {
        await using var scenario = await IssuedAsync();

        var report = await ImportAsync(scenario, PublishedBankFiles.BgMaxExample, PublishedBankFiles.Read(PublishedBankFiles.BgMaxExample));

        Assert.Equal(7, report.Unmatched);
        var listed = await scenario.Get<SuspenseList>().ListOpenAsync(CancellationToken.None);
        var several = Assert.Single(listed, u => u.Amount == Money.FromKronor(1_400));
        Assert.Equal("657866 658765 657767 657965", several.Reference);
        Assert.Contains("Betalning med extra refnr 657965", several.Texts);
        Assert.All((await InvoicesAsync(scenario)).Values, i => Assert.Equal(PaymentStatus.Unpaid, i.Status));
    }

    private static string Slice(string text, string start, string inside)
    {
        var at = text.IndexOf(inside, StringComparison.Ordinal);
        var from = text.LastIndexOf(start, at, StringComparison.Ordinal);
        var to = text.IndexOf("</TxDtls>", at, StringComparison.Ordinal) + "</TxDtls>".Length;
        return text[from..to];
    }

    private Task<InvoicingScenario> IssuedAsync() => IssuedYear.IssuedAsync(azurite);
}
