using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Parties;

namespace Invoicing.Tests.Invoices;

public sealed class InvoiceBalanceTests
{
    private static Invoice Unpaid(long kronor)
    {
        var number = new InvoiceNumber(2026, 7);
        return new Invoice(new SchemeId("test-scheme"), 2026, number, new PartyCode("1981"), "Sala kommun", number.ToOcrReference(),
            new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 19), [new InvoiceLine(1, "Bidrag", Money.FromKronor(kronor))],
            Money.FromKronor(kronor), Money.Zero, Money.FromKronor(kronor), "", "");
    }

    [Fact]
    public void Amount_due_is_total_minus_payments_minus_credits()
    {
        var invoice = Unpaid(10_000).WithPayment(Money.FromKronor(3_000), new DateOnly(2026, 2, 1)).WithCredit(Money.FromKronor(2_000));

        Assert.Equal(Money.FromKronor(5_000), invoice.AmountDue);
        Assert.Equal(PaymentStatus.PartiallyPaid, invoice.Status);
        Assert.Equal(Money.Zero, invoice.RefundOwed);
    }

    [Fact]
    public void A_fully_credited_unpaid_invoice_is_credited_with_nothing_due()
    {
        var invoice = Unpaid(10_000).WithCredit(Money.FromKronor(10_000));

        Assert.Equal(PaymentStatus.Credited, invoice.Status);
        Assert.Equal(Money.Zero, invoice.AmountDue);
        Assert.Throws<InvalidOperationException>(() => invoice.WithReminder(1, new DateOnly(2026, 3, 5)));
    }

    [Fact]
    public void A_credit_on_a_paid_invoice_makes_a_refund_owed()
    {
        var invoice = Unpaid(10_000).WithPayment(Money.FromKronor(10_000), new DateOnly(2026, 2, 1)).WithCredit(Money.FromKronor(4_000));

        Assert.Equal(PaymentStatus.Overpaid, invoice.Status);
        Assert.Equal(Money.FromKronor(4_000), invoice.RefundOwed);
    }

    [Fact]
    public void A_credit_cannot_exceed_what_is_not_yet_credited()
    {
        var invoice = Unpaid(10_000).WithCredit(Money.FromKronor(6_000));

        Assert.Throws<InvalidOperationException>(() => invoice.WithCredit(Money.FromKronor(4_001)));
        Assert.Throws<InvalidOperationException>(() => invoice.WithCredit(Money.Zero));
    }

    [Fact]
    public void A_credit_note_has_nothing_due_and_takes_no_payment()
    {
        var creditNote = Unpaid(1_000) with { Kind = DocumentKind.CreditNote, Status = PaymentStatus.Issued };

        Assert.Equal(Money.Zero, creditNote.AmountDue);
        Assert.Throws<InvalidPaymentException>(() => creditNote.WithPayment(Money.FromKronor(1), new DateOnly(2026, 2, 1)));
    }
}
