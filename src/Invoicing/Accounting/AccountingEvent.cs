using Invoicing.Invoices;
using Invoicing.Payments;

namespace Invoicing.Accounting;

/// <summary>
/// A document that moves money in the accounts, and so becomes one voucher: an issued invoice (ordinary or
/// supplementary), a credit note, a payment received on an invoice or a bank's reversal of one.
/// <see cref="Document"/> is the document the voucher is about (the credit note itself for a credit).
/// </summary>
public abstract record AccountingEvent(DateOnly Date, IssuedDocument Document)
{
    /// <summary>Orders events of one date: the issuer's documents before the bank's payments; then by document number.</summary>
    internal abstract int Order { get; }

    /// <summary>Breaks ties between events of one kind, date and invoice (two payments on one day).</summary>
    internal abstract string Tiebreak { get; }
}

/// <summary>
/// An invoice issued: the receivable arises and the contribution is income, on the issue date. A supplementary
/// invoice (<see cref="Invoices.Invoice.AddsTo"/> set) is booked the same way; its text names the invoice it adds to.
/// <see cref="DueBefore"/> is what its chain asked before it (zero for an original; negative when the chain had
/// received more than it asked, which the supplement then takes first, before any receivable arises).
/// </summary>
public sealed record InvoiceIssued(Invoice Invoice) : AccountingEvent(Invoice.IssueDate, Invoice)
{
    public Money DueBefore { get; init; }

    public DueChange Change => new(Invoice.Number, DueBefore, DueBefore + Invoice.Total);

    internal override int Order => 0;

    internal override string Tiebreak => "";
}

/// <summary>
/// A credit note issued: the contribution income falls by its amount, on its issue date, and each invoice it was
/// taken off owes that much less — a smaller receivable while the invoice had money due, a refund owed for the part
/// that was already paid. <see cref="Parts"/> are the changes of what each credited invoice asks for.
/// </summary>
public sealed record CreditNoteIssued(CreditNote CreditNote, IReadOnlyList<DueChange> Parts) : AccountingEvent(CreditNote.IssueDate, CreditNote)
{
    internal override int Order => 0;

    internal override string Tiebreak => "";
}

/// <summary>
/// A payment received on <see cref="Invoice"/>, dated as the books have it (<see cref="PaymentRecord.AccountingDate"/>:
/// as paid, or the first open day when its month was closed when it was booked), the bank's reversal of one, or a refund
/// paid back to the party (both a negative <see cref="PaymentRecord.Amount"/>). <see cref="DueBefore"/> is what the
/// invoice's chain still asked before it (its invoices − the payments and credits before it), so the part of a payment
/// beyond it is booked as owed back rather than as a negative receivable, a reversal first takes back what was owed
/// back, and a refund pays off what was owed back.
/// </summary>
public sealed record PaymentReceived(Invoice Invoice, PaymentRecord Payment, Money DueBefore) : AccountingEvent(Payment.AccountingDate, Invoice)
{
    internal override int Order => 1;

    internal override string Tiebreak => Payment.BookedAt.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture) + Payment.EntryReference;

    public bool IsReversal => Payment.Amount < Money.Zero && !IsRefund;

    public bool IsRefund => Payment.Flag == PaymentFlag.Refund;

    public DueChange Change => new(Invoice.Number, DueBefore, DueBefore - Payment.Amount);
}

/// <summary>
/// What one invoice asks for before and after an event: total − payments − credits, negative when more was paid
/// than it asks for. Its positive part is the receivable, its negative part the refund owed; the voucher books
/// the change of each.
/// </summary>
public sealed record DueChange(InvoiceNumber Invoice, Money Before, Money After)
{
    /// <summary>The change of the receivable (debit positive).</summary>
    public Money Receivable => Positive(After) - Positive(Before);

    /// <summary>The change of the refund owed (a liability: more owed back is positive here, a credit in the books).</summary>
    public Money RefundOwed => Positive(-After) - Positive(-Before);

    private static Money Positive(Money money) => money > Money.Zero ? money : Money.Zero;
}
