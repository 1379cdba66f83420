namespace Invoicing.Audit;

/// <summary>
/// What an audit event says was done. Each action is named once here, with what it means to an auditor: the
/// system documentation lists them from <see cref="All"/>.
/// </summary>
public static class AuditActions
{
    public const string DatasetSeeded = "dataset.seeded";
    public const string BudgetApproved = "budget.approved";
    public const string BudgetRevised = "budget.revised";
    public const string BudgetPrepared = "budget.prepared";
    public const string DocumentIssued = "document.issued";
    public const string InvoiceVoided = "invoice.voided";
    public const string PaymentBooked = "payment.booked";
    public const string PaymentsBooked = "payments.booked";
    public const string PaymentReversed = "payment.reversed";
    public const string DeductionBooked = "deduction.booked";
    public const string RefundBooked = "refund.booked";
    public const string PaymentNotedAsSame = "payment.same-as-delivered";
    public const string UnmatchedListed = "unmatched.listed";
    public const string ReminderRecorded = "reminder.recorded";
    public const string MailRetried = "mail.retried";
    public const string StatementSent = "statement.sent";
    public const string ChangeProposed = "change.proposed";
    public const string ChangeConfirmed = "change.confirmed";
    public const string ChangeRejected = "change.rejected";
    public const string StoreRestored = "store.restored";
    public const string PeriodClosed = "period.closed";
    public const string PeriodReopened = "period.reopened";

    /// <summary>Every action and what it records.</summary>
    public static IReadOnlyList<(string Action, string Meaning)> All { get; } =
    [
        (DatasetSeeded, "A scheme's year was seeded from dataset files (parties, populations, budget, agreements) as a draft."),
        (BudgetApproved, "A budget was approved: its allocation is fixed and its invoices may be issued."),
        (BudgetRevised, "A revision of an approved budget was recorded; its supplementary invoices and credit notes follow."),
        (BudgetPrepared, "A draft budget for the next year was made from the year before's (budget prepare): its lines, parties and population snapshots."),
        (DocumentIssued, "An invoice or credit note was issued: its number, kind and total."),
        (InvoiceVoided, "An invoice issued by mistake was voided by a full credit note that names it, with the reason."),
        (PaymentBooked, "Money received was booked on an invoice: amount, and what the invoice owed before and after."),
        (PaymentsBooked, "Several postings of one bank file were booked together on an invoice (one page of its payment records, each entry kept there): their count, net amount, and what the invoice owed before and after."),
        (PaymentReversed, "A booked payment was taken back because the bank reversed it."),
        (DeductionBooked, "A payer's deduction (BgMax) was booked on an invoice."),
        (RefundBooked, "Money paid back to a party was booked on its overpaid invoice."),
        (PaymentNotedAsSame, "A bank delivery of a payment already booked from another format was recorded, and not booked again."),
        (UnmatchedListed, "A payment no invoice could be found for was put on the unmatched list."),
        (ReminderRecorded, "A payment reminder was recorded for an invoice (and its letter written)."),
        (MailRetried, "Finance sent a failed e-mail again."),
        (StatementSent, "A party's statement (kontoutdrag) of a day was queued in the outbox to its invoice e-mail address: its outbox id."),
        (ChangeProposed, "A finance user proposed a void or a refund; it takes effect when another finance user confirms it (four eyes)."),
        (ChangeConfirmed, "Another finance user confirmed a proposed change, which then took effect (its own event follows, by the same user)."),
        (ChangeRejected, "A proposed change was rejected or withdrawn; nothing was changed."),
        (PeriodClosed, "Finance closed a month of an issuer's books: nothing is booked dated in it after this; a late payment is booked on the first open day."),
        (PeriodReopened, "A closed month was reopened, with the reason (through the API and the page only when another finance user confirmed it)."),
        (StoreRestored, "The whole store was restored from a backup into an empty store: the backup's own events come before this one."),
    ];
}
