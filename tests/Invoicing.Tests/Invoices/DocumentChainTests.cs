using CsCheck;
using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Parties;

namespace Invoicing.Tests.Invoices;

/// <summary>What is due, credited, paid, refunded and owed back on a chain (an invoice, its supplements and credit notes), computed in one place.</summary>
public sealed class DocumentChainTests
{
    private static readonly DateOnly Paid = new(2026, 2, 1);

    [Fact]
    public void Amount_due_is_total_minus_credits_minus_payments_plus_refunds()
    {
        var invoice = Invoice(1, 10_000).WithPayment(Money.FromKronor(3_000), Paid);
        var credit = CreditNote(2, invoice, 2_000);

        var balance = Single(invoice.WithCredit(Money.FromKronor(2_000)), credit).BalanceOf(invoice.Number);

        Assert.Equal((Money.FromKronor(5_000), Money.Zero, PaymentStatus.PartiallyPaid), (balance.Due, balance.RefundOwed, balance.Status));
        Assert.Equal((Money.FromKronor(2_000), Money.FromKronor(3_000)), (balance.Credited, balance.Paid));
    }

    [Fact]
    public void A_fully_credited_unpaid_invoice_is_credited_with_nothing_due_and_gets_no_reminder()
    {
        var invoice = Invoice(1, 10_000);
        var credit = CreditNote(2, invoice, 10_000);

        var chain = Single(invoice.WithCredit(invoice.Total), credit);

        Assert.Equal((PaymentStatus.Credited, Money.Zero), (chain.BalanceOf(invoice.Number).Status, chain.BalanceOf(invoice.Number).Due));
        Assert.Equal(PaymentStatus.Issued, chain.BalanceOf(credit.Number).Status);
        Assert.IsType<Reminders.ReminderStep.Nothing>(Reminders.ReminderStep.For(chain.InvoiceBalanceOf(invoice.Number), new DateOnly(2027, 1, 1), new Reminders.ReminderOptions()));
    }

    [Fact]
    public void A_credit_on_a_paid_invoice_leaves_a_refund_owed_which_refunds_pay_off_until_the_invoice_is_paid()
    {
        var invoice = Invoice(1, 10_000).WithPayment(Money.FromKronor(10_000), Paid).WithCredit(Money.FromKronor(4_000));
        var credit = CreditNote(2, invoice, 4_000);

        var owed = Single(invoice, credit).BalanceOf(invoice.Number);
        var part = Single(invoice.WithRefund(Money.FromKronor(1_000)), credit).BalanceOf(invoice.Number);
        var settled = Single(invoice.WithRefund(Money.FromKronor(4_000)), credit).BalanceOf(invoice.Number);

        Assert.Equal((PaymentStatus.Overpaid, Money.FromKronor(4_000)), (owed.Status, owed.RefundOwed));
        Assert.Equal((PaymentStatus.Overpaid, Money.FromKronor(3_000)), (part.Status, part.RefundOwed));
        Assert.Equal((PaymentStatus.Paid, Money.Zero, Money.FromKronor(4_000)), (settled.Status, settled.RefundOwed, settled.Refunded));
    }

    [Fact]
    public void A_voided_invoice_whose_payment_was_refunded_is_credited()
    {
        var invoice = Invoice(1, 10_000).WithPayment(Money.FromKronor(10_000), Paid).WithCredit(Money.FromKronor(10_000));
        var credit = CreditNote(2, invoice, 10_000);

        var balance = Single(invoice.WithRefund(Money.FromKronor(10_000)), credit).BalanceOf(invoice.Number);

        Assert.Equal((PaymentStatus.Credited, Money.Zero, Money.Zero), (balance.Status, balance.Due, balance.RefundOwed));
    }

    [Fact]
    public void A_refund_beyond_what_is_owed_back_on_the_invoice_is_refused()
    {
        var invoice = Invoice(1, 10_000).WithPayment(Money.FromKronor(10_500), Paid);

        var e = Assert.Throws<InvalidPaymentException>(() => invoice.WithRefund(Money.FromKronor(501)));

        Assert.Equal("Invoice 202600001: a refund of 501,00 kr must be positive and at most the 500,00 kr owed back on it; nothing was booked.", e.Message.Replace('\u00A0', ' '));
        Assert.Throws<InvalidPaymentException>(() => Invoice(1, 10_000).WithRefund(Money.FromKronor(1)));
    }

    [Fact]
    public void A_credit_cannot_exceed_what_is_not_yet_credited_on_the_invoice()
    {
        var invoice = Invoice(1, 10_000).WithCredit(Money.FromKronor(6_000));

        Assert.Throws<InvalidOperationException>(() => invoice.WithCredit(Money.FromKronor(4_001)));
        Assert.Throws<InvalidOperationException>(() => invoice.WithCredit(Money.Zero));
    }

    [Fact]
    public void A_credit_note_has_nothing_due_and_no_way_to_be_paid_credited_reminded_reversed_or_refunded()
    {
        var invoice = Invoice(1, 1_000);
        var credit = CreditNote(2, invoice, 1_000);

        Assert.Equal(Money.Zero, Single(invoice.WithCredit(invoice.Total), credit).BalanceOf(credit.Number).Due);
        // What makes no sense on a credit note does not compile on one: the type has no such member to call.
        Assert.Empty(typeof(CreditNote).GetMethods().Where(m => m.Name.StartsWith("With", StringComparison.Ordinal)).Select(m => m.Name));
        Assert.All(
            ["Ocr", "DueDate", "Status", "AmountPaid", "Credited", "Refunded", "ReminderLevel", "NeedsManualFollowUp"],
            name => Assert.Null(typeof(CreditNote).GetProperty(name)));
    }

    [Fact]
    public void A_credit_note_credits_the_supplement_it_names_not_the_original()
    {
        var original = Invoice(1, 27_368).WithPayment(Money.FromKronor(27_368), Paid);
        var supplement = Supplement(2, original, 5_474);
        var credit = CreditNote(3, supplement, 3_649);

        var chain = Single(original, supplement, credit);

        Assert.Equal(new CreditPart(credit, supplement.Number, Money.FromKronor(3_649)), Assert.Single(chain.Credits));
        Assert.Equal((PaymentStatus.Paid, Money.Zero), (chain.BalanceOf(original.Number).Status, chain.BalanceOf(original.Number).RefundOwed));
        Assert.Equal((PaymentStatus.Unpaid, Money.FromKronor(1_825)), (chain.BalanceOf(supplement.Number).Status, chain.BalanceOf(supplement.Number).Due));
    }

    [Fact]
    public void What_an_original_received_beyond_its_total_settles_its_supplement_before_anything_is_owed_back()
    {
        // A chain recorded before credit notes named the supplement: the credit was taken off the paid original.
        var original = Invoice(1, 27_368).WithPayment(Money.FromKronor(27_368), Paid).WithCredit(Money.FromKronor(3_649));
        var supplement = Supplement(2, original, 5_474);
        var credit = CreditNote(3, original, 3_649);

        var chain = Single(original, supplement, credit);

        Assert.Equal(new Settlement(original.Number, supplement.Number, Money.FromKronor(3_649)), Assert.Single(chain.Settlements));
        Assert.Equal((Money.Zero, PaymentStatus.Paid), (chain.BalanceOf(original.Number).RefundOwed, chain.BalanceOf(original.Number).Status));
        Assert.Equal((Money.FromKronor(1_825), PaymentStatus.PartiallyPaid), (chain.BalanceOf(supplement.Number).Due, chain.BalanceOf(supplement.Number).Status));
        Assert.Equal((Money.FromKronor(1_825), Money.Zero, PaymentStatus.PartiallyPaid), (chain.Balance.Due, chain.Balance.RefundOwed, chain.Balance.Status));
    }

    [Fact]
    public void A_credit_beyond_the_invoice_it_names_is_taken_off_the_chains_other_invoices_newest_first()
    {
        var original = Invoice(1, 1_000);
        var first = Supplement(2, original, 300);
        var second = Supplement(3, original, 200);
        var credit = CreditNote(4, original, 1_400);

        var chain = Single(original, first, second, credit);

        Assert.Equal(
            [(original.Number, 1_000_00L), (second.Number, 200_00L), (first.Number, 200_00L)],
            chain.Credits.Select(c => (c.Invoice, c.Amount.Ore)));
        Assert.Equal(Money.FromKronor(100), chain.Balance.Due);
    }

    [Fact]
    public void Two_invoices_that_correct_nothing_are_two_chains_and_are_never_netted()
    {
        var overpaid = Invoice(1, 1_000).WithPayment(Money.FromKronor(1_500), Paid);
        var open = Invoice(2, 1_000);

        var chains = DocumentChain.Of([overpaid, open]);

        Assert.Equal(2, chains.Count);
        Assert.Equal(Money.FromKronor(500), chains[0].Balance.RefundOwed);
        Assert.Equal(Money.FromKronor(1_000), chains[1].Balance.Due);
    }

    [Fact]
    public void A_document_naming_one_that_is_not_recorded_is_refused_naming_both()
    {
        var credit = CreditNote(2, Invoice(1, 1_000), 100);

        var e = Assert.Throws<InvalidDataException>(() => DocumentChain.Of([credit]));

        Assert.Equal("Table Invoices: credit-note 202600002 names invoice 202600001, which is not recorded.", e.Message);
    }

    [Fact]
    public void Every_chain_adds_up_and_never_both_asks_for_money_and_owes_money_back()
    {
        Gen.Select(Gen.Long[1, 5_000_000], Gen.Long[1, 2_000_000].Array[0, 3], Steps).Sample((rootOre, supplementOre, actions) =>
        {
            var chain = Assert.Single(DocumentChain.Of(Generated(rootOre, supplementOre, actions)));
            var invoices = chain.InvoiceBalances.ToArray();
            Assert.Equal(chain.Balance.Remaining, Money.Sum(invoices.Select(b => b.Remaining)));
            Assert.Equal(chain.Balance.Due, Money.Sum(invoices.Select(b => b.Due)));
            Assert.Equal(chain.Balance.RefundOwed, Money.Sum(invoices.Select(b => b.RefundOwed)));
            Assert.False(chain.Balance.Due > Money.Zero && invoices.Any(b => b.RefundOwed > Money.Zero));
            Assert.False(chain.Balance.RefundOwed > Money.Zero && invoices.Any(b => b.Due > Money.Zero));
            Assert.Equal(Money.Sum(chain.CreditNotes.Select(c => c.Total)), Money.Sum(invoices.Select(b => b.Credited)));
            Assert.All(invoices, b => Assert.Equal(b.Invoice.Credited, b.Credited));
            Assert.All(invoices, b => Assert.True(b.Due <= (b.Invoice.OwnRemaining > Money.Zero ? b.Invoice.OwnRemaining : Money.Zero)));
            Assert.Equal(Money.Zero, Money.Sum(invoices.Select(b => b.Settled)));
        });
    }

    [Fact]
    public void The_signed_totals_of_a_chain_sum_to_its_invoices_less_its_credit_notes_and_to_what_it_asks()
    {
        Gen.Select(Gen.Long[1, 5_000_000], Gen.Long[1, 2_000_000].Array[0, 3], Steps).Sample((rootOre, supplementOre, actions) =>
        {
            var documents = Generated(rootOre, supplementOre, actions);
            var chain = Assert.Single(DocumentChain.Of(documents));
            var invoiced = Money.Sum(documents.OfType<Invoice>().Select(i => i.Total));
            var credited = Money.Sum(documents.OfType<CreditNote>().Select(c => c.Total));

            Assert.Equal(invoiced - credited, Money.Sum(documents.Select(d => d.SignedTotal)));
            Assert.Equal(chain.Balance.Asked, Money.Sum(chain.Documents.Select(d => d.SignedTotal)));
            Assert.All(documents.OfType<CreditNote>(), c => Assert.True(c.SignedTotal < Money.Zero));
            Assert.All(documents.OfType<Invoice>(), i => Assert.Equal(i.Total, i.SignedTotal));
        });
    }

    /// <summary>Steps on a generated chain: (kind: pay, credit, refund, reverse; which invoice; öre).</summary>
    private static readonly Gen<(int, int, long)[]> Steps = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Long[1, 3_000_000]).Array[0, 12];

    /// <summary>
    /// An original, its supplements and what <paramref name="actions"/> do to them, as the store records it: payments,
    /// credit notes (applied as their chain says, never more than the chain asks), refunds and reversals.
    /// </summary>
    private static List<IssuedDocument> Generated(long rootOre, long[] supplementOre, (int, int, long)[] actions)
    {
        var invoices = new List<Invoice> { InvoiceOf(1, new Money(rootOre)) };
        foreach (var ore in supplementOre)
        {
            invoices.Add(InvoiceOf(invoices.Count + 1, new Money(ore)) with { AddsTo = new DocumentReference(invoices[0].Number, invoices[0].IssueDate), Revision = invoices.Count });
        }

        var credits = new List<CreditNote>();
        IReadOnlyList<IssuedDocument> All() => [.. invoices, .. credits];
        foreach (var (kind, which, ore) in actions)
        {
            var index = which % (supplementOre.Length + 1);
            var invoice = invoices[index];
            var amount = new Money(ore);
            if (kind == 0)
            {
                invoices[index] = invoice.WithPayment(amount, Paid);
            }
            else if (kind == 1 && DocumentChain.Of(All()).Single().Balance.Asked >= amount)
            {
                var credit = CreditNoteOf(All().Max(d => d.Number.Sequence) + 1, invoice, amount);
                credits.Add(credit);
                foreach (var part in DocumentChain.Of(All()).Single().Credits.Where(c => c.CreditNote.Number == credit.Number))
                {
                    var i = invoices.FindIndex(d => d.Number == part.Invoice);
                    invoices[i] = invoices[i].WithCredit(part.Amount);
                }
            }
            else if (kind == 2 && invoice.OwnRemaining < Money.Zero)
            {
                var owed = -invoice.OwnRemaining;
                invoices[index] = invoice.WithRefund(amount < owed ? amount : owed);
            }
            else if (kind == 3 && invoice.AmountPaid > Money.Zero)
            {
                invoices[index] = invoice.WithReversal(amount < invoice.AmountPaid ? amount : invoice.AmountPaid);
            }
        }

        return [.. All()];
    }

    private static DocumentChain Single(params IssuedDocument[] documents) => Assert.Single(DocumentChain.Of(documents));

    private static Invoice Invoice(int sequence, long kronor) => InvoiceOf(sequence, Money.FromKronor(kronor));

    private static Invoice InvoiceOf(int sequence, Money amount)
    {
        var number = new InvoiceNumber(2026, sequence);
        return new Invoice(new SchemeId("test-scheme"), 2026, number, new PartyCode("2180"), "Gävle kommun", number.ToOcrReference(),
            new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 19), [new InvoiceLine(1, "Bidrag", amount)], amount, Money.Zero, amount, "", "");
    }

    private static Invoice Supplement(int sequence, Invoice original, long kronor) =>
        Invoice(sequence, kronor) with { AddsTo = new DocumentReference(original.Number, original.IssueDate), Revision = sequence - 1 };

    private static CreditNote CreditNote(int sequence, Invoice corrects, long kronor) => CreditNoteOf(sequence, corrects, Money.FromKronor(kronor));

    private static CreditNote CreditNoteOf(int sequence, Invoice corrects, Money amount)
    {
        var number = new InvoiceNumber(2026, sequence);
        return new CreditNote(new SchemeId("test-scheme"), 2026, number, new PartyCode("2180"), "Gävle kommun",
            new DateOnly(2026, 1, 20), [new InvoiceLine(1, "Bidrag", amount)], amount, Money.Zero, amount, "", "", new DocumentReference(corrects.Number, corrects.IssueDate))
        {
            Revision = sequence,
        };
    }
}
