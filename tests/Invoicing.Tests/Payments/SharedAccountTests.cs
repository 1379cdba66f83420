using System.Globalization;
using CsCheck;
using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Parties;
using Invoicing.Payments;
using Invoicing.Payments.BankFiles;

namespace Invoicing.Tests.Payments;

/// <summary>
/// A municipality's shared bankgiro carries all its receivables: on an account the issuer marks as shared, an entry whose
/// references are valid OCR numbers that cannot be one of our invoices' (not 11 digits with length digit 1 over a
/// nine-digit invoice number) is not ours — neither booked nor listed. Anything that could be ours still goes to the
/// unmatched list, and on a dedicated account nothing changes.
/// </summary>
public sealed class SharedAccountTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 7, 0, 0, TimeSpan.Zero);
    private static readonly Invoice Uppsala = Issued(new InvoiceNumber(2026, 1), "0380", "Uppsala kommun");

    /// <summary>Valid OCR numbers of other receivables: other lengths, 11 digits with another length digit, or without a year of ours.</summary>
    public static TheoryData<string> OtherReceivables => new()
    {
        OcrReference.Create("700123").Value, // 8 digits
        OcrReference.Create("310000000042").Value, // 14 digits
        OcrReference.Create("55000000000042").Value, // 16 digits
        OcrReference.Create("1234567890", withLengthDigit: false).Value, // 11 digits, no length digit
        OcrReference.Create("123400001").Value, // 11 digits, length digit 1, but year 1234
        OcrReference.Create("202600000").Value, // 11 digits, length digit 1, sequence 0
    };

    [Theory]
    [MemberData(nameof(OtherReceivables))]
    public void On_a_shared_account_a_valid_OCR_not_of_our_series_length_and_form_is_not_ours(string reference)
    {
        var plan = Plan(Payment(reference), shared: true);

        Assert.Equal(ImportOutcome.NotOurs, plan.Outcome);
        Assert.Null(plan.Unmatched);
        Assert.Empty(plan.Postings);
    }

    [Theory]
    [MemberData(nameof(OtherReceivables))]
    public void On_a_dedicated_account_a_valid_OCR_not_of_our_form_goes_to_the_unmatched_list_as_before(string reference)
    {
        var plan = Plan(Payment(reference), shared: false);

        Assert.Equal(ImportOutcome.Unmatched, plan.Outcome);
        Assert.Equal($"OCR {reference} matches no issued invoice", plan.Reason);
        Assert.NotNull(plan.Unmatched);
    }

    [Fact]
    public void On_a_shared_account_a_reference_failing_its_check_digit_goes_to_the_unmatched_list()
    {
        var valid = OcrReference.Create("310000000042").Value;
        var failing = valid[..^1] + (char)('0' + ((valid[^1] - '0' + 1) % 10));

        var plan = Plan(Payment(failing), shared: true);

        Assert.Equal(ImportOutcome.Unmatched, plan.Outcome);
        Assert.Equal($"reference '{failing}' is not a valid OCR number (length or check digit)", plan.Reason);
    }

    [Fact]
    public void On_a_shared_account_an_OCR_of_our_form_that_matches_no_invoice_goes_to_the_unmatched_list()
    {
        var ours = new InvoiceNumber(2026, 417).ToOcrReference().Value;

        var plan = Plan(Payment(ours), shared: true);

        Assert.Equal(ImportOutcome.Unmatched, plan.Outcome);
        Assert.Equal($"OCR {ours} matches no issued invoice", plan.Reason);
    }

    [Fact]
    public void On_a_shared_account_a_reference_that_is_one_of_our_invoice_numbers_goes_to_the_unmatched_list()
    {
        // A payer who types the invoice number into the OCR field: nine digits that may pass the check digit by chance.
        var typed = Enumerable.Range(1, 100).Select(s => new InvoiceNumber(2026, s).ToString()).First(n => Luhn.IsValid(n));

        var plan = Plan(Payment(typed), shared: true);

        Assert.Equal(ImportOutcome.Unmatched, plan.Outcome);
    }

    [Fact]
    public void On_a_shared_account_an_entry_without_a_reference_goes_to_the_unmatched_list()
    {
        var plan = Plan(Payment(null), shared: true);

        Assert.Equal((ImportOutcome.Unmatched, "no reference"), (plan.Outcome, plan.Reason));
    }

    [Fact]
    public void On_a_shared_account_an_entry_whose_text_names_one_of_our_invoice_numbers_goes_to_the_unmatched_list_with_it_suggested()
    {
        var other = OcrReference.Create("310000000042").Value;

        var plan = Plan(Payment(other, text: $"faktura {Uppsala.Number}"), shared: true, Uppsala);

        Assert.Equal(ImportOutcome.Unmatched, plan.Outcome);
        Assert.Equal(Uppsala.Key, plan.Suggested?.Invoice);
    }

    [Fact]
    public void On_a_shared_account_an_entry_naming_another_receivable_and_one_of_our_form_goes_to_the_unmatched_list()
    {
        var entry = Payment(OcrReference.Create("310000000042").Value) with { References = [OcrReference.Create("310000000042").Value, new InvoiceNumber(2026, 417).ToOcrReference().Value] };

        Assert.Equal(ImportOutcome.Unmatched, Plan(entry, shared: true).Outcome);
    }

    [Fact]
    public void On_a_shared_account_a_payment_of_our_invoice_is_booked_on_it()
    {
        var plan = Plan(Payment(Uppsala.Ocr.Value), shared: true, Uppsala);

        Assert.Equal(ImportOutcome.Booked, plan.Outcome);
        Assert.Equal(Uppsala.Key, Assert.Single(plan.Postings).Invoice);
    }

    [Fact]
    public void On_a_shared_account_a_reversal_and_a_deduction_of_another_receivable_are_not_ours_too()
    {
        var other = OcrReference.Create("310000000042").Value;

        Assert.Equal(ImportOutcome.NotOurs, Plan(Payment(other) with { Kind = BankEntryKind.Reversal, Amount = Money.FromKronor(-100) }, shared: true).Outcome);
        Assert.Equal(ImportOutcome.NotOurs, Plan(Payment(other) with { Kind = BankEntryKind.Deduction, Amount = Money.FromKronor(-100) }, shared: true).Outcome);
    }

    [Fact]
    public void Every_invoice_numbers_OCR_reference_is_of_our_form_and_carries_its_number()
    {
        Gen.Select(Gen.Int[2000, 2999], Gen.Int[1, InvoiceNumber.MaxSequence]).Sample(
            (year, sequence) =>
            {
                var number = new InvoiceNumber(year, sequence);
                return InvoiceNumber.TryFromOcrReference(number.ToOcrReference(), out var carried) && carried == number;
            },
            iter: 2_000);
    }

    [Fact]
    public void A_valid_OCR_of_any_other_length_carries_no_invoice_number()
    {
        Gen.Select(Gen.Int[1, 23].Where(n => n != 9), Gen.Long[0, long.MaxValue]).Sample(
            (length, seed) =>
            {
                var digits = seed.ToString(CultureInfo.InvariantCulture).PadLeft(23, '7')[..length];
                return !InvoiceNumber.TryFromOcrReference(OcrReference.Create(digits), out _);
            },
            iter: 2_000);
    }

    private static EntryPlan Plan(BankEntry entry, bool shared, params Invoice[] invoices)
    {
        var file = new BankFile(BankFileFormat.Camt054, "camt-kommunen.xml", [entry]);
        var planner = new ImportPlanner(
            file,
            invoices.ToDictionary(i => i.Ocr),
            invoices.ToDictionary(i => i.Key, _ => (IReadOnlyList<PaymentRecord>)[]),
            new SuspenseIndex([]),
            new Dictionary<string, string> { [entry.Key] = PaymentFingerprint.For("vasteras-stad", entry) },
            Now,
            shared);
        return planner.Plan(entry);
    }

    private static BankEntry Payment(string? reference, string? text = null) => new()
    {
        Kind = BankEntryKind.Payment,
        EntryReference = "camt:KOMMUN-1",
        Amount = Money.FromKronor(100),
        BookingDate = new DateOnly(2026, 3, 2),
        References = reference is null ? [] : [reference],
        Texts = text is null ? [] : [text],
        ReceivingAccount = "9912346",
        Key = EntryKey.For($"test:{reference}:{text}"),
    };

    private static Invoice Issued(InvoiceNumber number, string debtor, string name)
    {
        var amount = Money.FromKronor(43_035);
        return new Invoice(new SchemeId("region-mitt-pom"), 2026, number, new PartyCode(debtor), name, number.ToOcrReference(),
            new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 19), [new InvoiceLine(1, "Bidrag", amount)], amount, Money.Zero, amount, "", "")
        {
            Status = PaymentStatus.Unpaid,
        };
    }
}
