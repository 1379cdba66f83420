using CsCheck;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Parties;
using Invoicing.Reports;

namespace Invoicing.Tests.Reports;

/// <summary>The statement (kontoutdrag): every document, payment and reminder of a party with its running balance.</summary>
public sealed class StatementTests
{
    private static readonly SchemeId Scheme = new("test-scheme");
    private static readonly PartyCode Party = new("2180");
    private static readonly DateOnly Issued = new(2026, 1, 20);
    private static readonly DateOnly Due = new(2026, 2, 19);

    /// <summary>
    /// A walk through a year: an invoice, a revision's supplementary invoice and credit note, a partial payment, an
    /// overpayment, a refund of part of it and a reminder. The statement's closing balance is what the party's chain
    /// lacks and what the aging report says it has due.
    /// </summary>
    [Fact]
    public void The_closing_balance_is_what_the_chains_and_the_aging_report_say_after_a_revision_payments_and_a_refund()
    {
        var ledger = new Walk();
        var original = ledger.Issue(Invoice(1, 10_000));
        ledger.Pay(original, 4_000, Due.AddDays(-5));
        ledger.Remind(original, Due.AddDays(20));
        var supplement = ledger.Issue(Invoice(2, 1_500) with { AddsTo = new DocumentReference(original.Number, Issued), IssueDate = new DateOnly(2026, 4, 1), DueDate = new DateOnly(2026, 5, 1) });
        ledger.Credit(CreditNote(3, original, 500) with { IssueDate = new DateOnly(2026, 4, 1) });
        ledger.Pay(original, 8_000, new DateOnly(2026, 4, 10));
        ledger.Refund(original, 200, new DateOnly(2026, 4, 20));

        var statement = Statement.Of(Scheme, 2026, Party, ledger.Documents, ledger.Payments, ledger.Reminders, new DateOnly(2026, 12, 31));

        Assert.Equal(
            [
                (StatementEntryKind.Invoice, 10_000L, 0L, 10_000L),
                (StatementEntryKind.Payment, 0, 4_000, 6_000),
                (StatementEntryKind.Reminder, 0, 0, 6_000),
                (StatementEntryKind.SupplementaryInvoice, 1_500, 0, 7_500),
                (StatementEntryKind.CreditNote, 0, 500, 7_000),
                (StatementEntryKind.Payment, 0, 8_000, -1_000),
                (StatementEntryKind.Refund, 200, 0, -800),
            ],
            statement.Entries.Select(e => (e.Kind, e.Debit.Ore / 100, e.Credit.Ore / 100, e.Balance.Ore / 100)));
        var chain = Assert.Single(DocumentChain.Of(ledger.Documents));
        Assert.Equal(chain.Balance.Remaining, statement.Closing);
        Assert.Equal(AgingReport.Of(Scheme, 2026, ledger.Documents, statement.AsOf).Totals.Total, statement.Due);
        Assert.Equal(Money.Zero, statement.Due);
        Assert.Equal(Money.FromKronor(800), statement.RefundOwed);
        Assert.Equal(supplement.Number, statement.Entries[3].Document);
    }

    [Fact]
    public void An_overpayment_not_yet_refunded_is_owed_back_and_nothing_is_due()
    {
        var ledger = new Walk();
        var invoice = ledger.Issue(Invoice(1, 1_000));
        ledger.Pay(invoice, 1_250, Due);

        var statement = Statement.Of(Scheme, 2026, Party, ledger.Documents, ledger.Payments, [], Due);

        Assert.Equal(Money.FromKronor(-250), statement.Closing);
        Assert.Equal(Money.FromKronor(250), statement.RefundOwed);
        Assert.Equal(Money.Zero, statement.Due);
        Assert.Equal(-Assert.Single(DocumentChain.Of(ledger.Documents)).Balance.RefundOwed, statement.Closing);
    }

    [Fact]
    public void Entries_after_the_day_of_the_statement_are_left_out()
    {
        var ledger = new Walk();
        var invoice = ledger.Issue(Invoice(1, 1_000));
        ledger.Pay(invoice, 1_000, Due.AddDays(10));

        var statement = Statement.Of(Scheme, 2026, Party, ledger.Documents, ledger.Payments, [], Due);

        Assert.Equal([StatementEntryKind.Invoice], statement.Entries.Select(e => e.Kind));
        Assert.Equal(Money.FromKronor(1_000), statement.Due);
    }

    [Fact]
    public void Records_that_disagree_with_the_invoices_balances_give_no_statement()
    {
        var ledger = new Walk();
        var invoice = ledger.Issue(Invoice(1, 1_000));
        ledger.Pay(invoice, 400, Due);

        var e = Assert.Throws<InvalidDataException>(() => Statement.Of(Scheme, 2026, Party, ledger.Documents, [], [], Due));

        Assert.Equal("Table Invoices: the records of 2180 in test-scheme 2026 sum to 1 000,00 kr, but its invoices' balances to 600,00 kr.", e.Message.Replace('\u00A0', ' '));
    }

    [Fact]
    public void A_document_of_another_party_is_refused()
    {
        var other = Invoice(1, 1_000) with { DebtorCode = new PartyCode("2181") };

        var e = Assert.Throws<ArgumentException>(() => Statement.Of(Scheme, 2026, Party, [other], [], [], Due));

        Assert.StartsWith("Document 202600001 is of 2181 in test-scheme 2026, not of the statement's 2180 in test-scheme 2026.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 0, 90, "running balance")]
    [InlineData(100, 10, 90, "one of them must be zero")]
    [InlineData(-100, 0, -100, "must not be negative")]
    public void An_entry_that_does_not_add_up_is_refused(long debit, long credit, long balance, string message)
    {
        var entry = new StatementEntry(Due, StatementEntryKind.Invoice, new InvoiceNumber(2026, 1), "Faktura", new Money(debit), new Money(credit), new Money(balance));

        var e = Assert.Throws<ArgumentException>(() => new Statement(Scheme, 2026, Party, "Gävle kommun", Due, [entry]));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_out_of_date_order_or_after_the_day_are_refused()
    {
        var later = new StatementEntry(Due, StatementEntryKind.Invoice, new InvoiceNumber(2026, 1), "Faktura", new Money(100), Money.Zero, new Money(100));
        var earlier = new StatementEntry(Issued, StatementEntryKind.Invoice, new InvoiceNumber(2026, 2), "Faktura", new Money(100), Money.Zero, new Money(200));

        Assert.Throws<ArgumentException>(() => new Statement(Scheme, 2026, Party, "Gävle kommun", Due, [later, earlier]));
        Assert.Throws<ArgumentException>(() => new Statement(Scheme, 2026, Party, "Gävle kommun", Issued, [later]));
    }

    /// <summary>
    /// Generated ledgers (invoices, supplements, credit notes, payments, reversals and refunds on random days): the
    /// entries are in date order, each running balance is the sum of the entries up to it, the last is the sum of
    /// all and the closing balance, and that is what the party's chains still lack (due, or owed back).
    /// </summary>
    [Fact]
    public void The_running_balance_ends_at_the_sum_of_the_entries_which_is_what_the_chains_lack()
    {
        var action = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Long[1, 3_000_000], Gen.Int[0, 300]);
        Gen.Select(Gen.Long[1, 5_000_000], Gen.Select(Gen.Long[1, 2_000_000], Gen.Int[0, 300]).Array[0, 3], action.Array[0, 12]).Sample((root, supplements, actions) =>
        {
            var ledger = new Walk();
            var original = ledger.Issue(Invoice(1, 0) with { Total = new Money(root), Net = new Money(root) });
            var next = 1;
            foreach (var (ore, day) in supplements)
            {
                ledger.Issue(Invoice(++next, 0) with { Total = new Money(ore), Net = new Money(ore), IssueDate = Issued.AddDays(day), AddsTo = new DocumentReference(original.Number, Issued) });
            }

            foreach (var (kind, which, ore, day) in actions)
            {
                var invoices = ledger.Documents.OfType<Invoice>().ToArray();
                var invoice = invoices[which % invoices.Length];
                var amount = new Money(ore);
                var on = Issued.AddDays(day);
                if (kind == 0)
                {
                    ledger.Pay(invoice, amount, on);
                }
                else if (kind == 1 && DocumentChain.Of(ledger.Documents).Single().Balance.Asked >= amount)
                {
                    ledger.Credit(CreditNoteOf(++next, invoice, amount) with { IssueDate = on });
                }
                else if (kind == 2 && invoice.OwnRemaining < Money.Zero)
                {
                    ledger.Refund(invoice, amount < -invoice.OwnRemaining ? amount : -invoice.OwnRemaining, on);
                }
                else if (kind == 3 && invoice.AmountPaid > Money.Zero)
                {
                    ledger.Reverse(invoice, amount < invoice.AmountPaid ? amount : invoice.AmountPaid, on);
                }
            }

            var statement = Statement.Of(Scheme, 2026, Party, ledger.Documents, ledger.Payments, [], Issued.AddDays(400));

            var sum = Money.Zero;
            foreach (var entry in statement.Entries)
            {
                sum += entry.Debit - entry.Credit;
                Assert.Equal(sum, entry.Balance);
            }

            Assert.Equal(ledger.Documents.Count + ledger.Payments.Count, statement.Entries.Count);
            Assert.True(statement.Entries.Zip(statement.Entries.Skip(1)).All(p => p.First.Date <= p.Second.Date));
            Assert.Equal(sum, statement.Closing);
            Assert.Equal(statement.Entries.Count == 0 ? Money.Zero : statement.Entries[^1].Balance, statement.Closing);
            var chains = DocumentChain.Of(ledger.Documents);
            Assert.Equal(Money.Sum(chains.Select(c => c.Balance.Due)), statement.Due);
            Assert.Equal(Money.Sum(chains.Select(c => c.Balance.RefundOwed)), statement.RefundOwed);
        });
    }

    /// <summary>A party's documents and records, each change made the way the ledger makes it.</summary>
    private sealed class Walk
    {
        public List<IssuedDocument> Documents { get; } = [];

        public List<PaymentRecord> Payments { get; } = [];

        public List<ReminderRecord> Reminders { get; } = [];

        public Invoice Issue(Invoice invoice)
        {
            Documents.Add(invoice);
            return invoice;
        }

        public void Credit(CreditNote creditNote)
        {
            Documents.Add(creditNote);
            foreach (var part in DocumentChain.Of(Documents).Single().Credits.Where(c => c.CreditNote.Number == creditNote.Number))
            {
                Change(part.Invoice, i => i.WithCredit(part.Amount));
            }
        }

        public void Pay(Invoice invoice, long kronor, DateOnly on) => Pay(invoice, Money.FromKronor(kronor), on);

        public void Pay(Invoice invoice, Money amount, DateOnly on)
        {
            Change(invoice.Number, i => i.WithPayment(amount, on));
            Record(invoice, amount, on, PaymentFlag.None);
        }

        public void Reverse(Invoice invoice, Money amount, DateOnly on)
        {
            Change(invoice.Number, i => i.WithReversal(amount));
            Record(invoice, -amount, on, PaymentFlag.Reversal);
        }

        public void Refund(Invoice invoice, long kronor, DateOnly on) => Refund(invoice, Money.FromKronor(kronor), on);

        public void Refund(Invoice invoice, Money amount, DateOnly on)
        {
            Change(invoice.Number, i => i.WithRefund(amount));
            Record(invoice, -amount, on, PaymentFlag.Refund);
        }

        public void Remind(Invoice invoice, DateOnly on)
        {
            var current = (Invoice)Documents.Single(d => d.Number == invoice.Number);
            Reminders.Add(new ReminderRecord(invoice.Number, current.ReminderLevel + 1, on, on.AddDays(10), current.OwnRemaining, Money.FromKronor(60), Money.Zero, "", "", DateTimeOffset.UnixEpoch));
            Change(invoice.Number, i => i.WithReminder(i.ReminderLevel + 1, on));
        }

        private void Change(InvoiceNumber number, Func<Invoice, Invoice> change)
        {
            var index = Documents.FindIndex(d => d.Number == number);
            Documents[index] = change((Invoice)Documents[index]);
        }

        private void Record(Invoice invoice, Money amount, DateOnly on, PaymentFlag flag) =>
            Payments.Add(new PaymentRecord(invoice.Number, $"ref-{Payments.Count}", "manual", amount, on, DateTimeOffset.UnixEpoch.AddMinutes(Payments.Count), PaymentStatus.Unpaid, PaymentStatus.Unpaid, flag, null, null));
    }

    private static Invoice Invoice(int sequence, long kronor)
    {
        var number = new InvoiceNumber(2026, sequence);
        return new Invoice(Scheme, 2026, number, Party, "Gävle kommun", number.ToOcrReference(),
            Issued, Due, [new InvoiceLine(1, "Bidrag", Money.FromKronor(kronor))],
            Money.FromKronor(kronor), Money.Zero, Money.FromKronor(kronor), "", "");
    }

    private static CreditNote CreditNote(int sequence, Invoice corrects, long kronor) => CreditNoteOf(sequence, corrects, Money.FromKronor(kronor));

    private static CreditNote CreditNoteOf(int sequence, Invoice corrects, Money amount) =>
        new(Scheme, 2026, new InvoiceNumber(2026, sequence), Party, "Gävle kommun", Issued, [new InvoiceLine(1, "Bidrag", amount)], amount, Money.Zero, amount, "", "",
            new DocumentReference(corrects.Number, corrects.IssueDate));
}
