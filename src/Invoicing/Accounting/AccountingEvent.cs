using Invoicing.Invoices;
using Invoicing.Payments;

namespace Invoicing.Accounting;

/// <summary>
/// A document that moves money in the accounts, and so becomes one voucher: an issued invoice or a payment
/// received on one. A credit note is one more case of this record (issue 10) with its own voucher rule in
/// <see cref="VoucherBuilder"/>.
/// </summary>
public abstract record AccountingEvent(DateOnly Date, Invoice Invoice)
{
    /// <summary>Orders events of one date: invoices before the payments on them; then by invoice number.</summary>
    internal abstract int Order { get; }

    /// <summary>Breaks ties between events of one kind, date and invoice (two payments on one day).</summary>
    internal abstract string Tiebreak { get; }
}

/// <summary>An invoice issued: the receivable arises and the contribution is income, on the issue date.</summary>
public sealed record InvoiceIssued(Invoice Invoice) : AccountingEvent(Invoice.IssueDate, Invoice)
{
    internal override int Order => 0;

    internal override string Tiebreak => "";
}

/// <summary>
/// A payment received on <see cref="AccountingEvent.Invoice"/>, dated as paid. <see cref="DueBefore"/> is what the
/// invoice still asked before this payment (the payments booked before it deducted), so the part beyond it is
/// booked as owed back rather than as a negative receivable.
/// </summary>
public sealed record PaymentReceived(Invoice Invoice, PaymentRecord Payment, Money DueBefore) : AccountingEvent(Payment.PaidOn, Invoice)
{
    internal override int Order => 1;

    internal override string Tiebreak => Payment.BookedAt.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture) + Payment.EntryReference;
}
