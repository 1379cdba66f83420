using Invoicing.Invoices;
using Invoicing.Mail;
using Invoicing.Payments;

namespace Invoicing.Digests;

/// <summary>
/// One day's digest to finance, built from what was read (pure): what happened in the <see cref="Window"/> — payments
/// put on the unmatched list, invoices that fell due still lacking money, reminders recorded — and what stands and
/// waits for a person whenever it is built — e-mails Failed or Uncertain, money owed back. A standing item is told
/// every day until it is dealt with, because forgetting it is the risk; when there is none and nothing happened,
/// the digest <see cref="IsEmpty"/> and nothing is sent. Amounts are what each invoice's chain says
/// (<see cref="DocumentChain"/>), as the reminders and the finance page say them.
/// </summary>
public sealed record FinanceDigest(
    DigestWindow Window,
    IReadOnlyList<UnmatchedPayment> Unmatched,
    IReadOnlyList<OverdueInvoice> FellDue,
    IReadOnlyList<SentReminder> Reminders,
    IReadOnlyList<OutboxEntry> MailProblems,
    IReadOnlyList<RefundOwed> Refunds)
{
    /// <summary>Nothing happened and nothing waits: no e-mail.</summary>
    public bool IsEmpty => Unmatched.Count == 0 && FellDue.Count == 0 && Reminders.Count == 0 && MailProblems.Count == 0 && Refunds.Count == 0;

    public DateOnly Day => Window.Day;

    /// <summary>
    /// The digest of <paramref name="window"/>: of what was read, the items that fall in it (the readers may read more
    /// than the window, e.g. every chain of every year); each list in the order finance reads it.
    /// </summary>
    public static FinanceDigest Build(
        DigestWindow window,
        IEnumerable<DocumentChain> chains,
        IEnumerable<UnmatchedPayment> unmatched,
        IEnumerable<(Invoice Invoice, ReminderRecord Reminder)> reminders,
        IEnumerable<OutboxEntry> outbox)
    {
        var balances = chains.SelectMany(c => c.InvoiceBalances).ToArray();
        return new FinanceDigest(
            window,
            [.. unmatched.Where(p => p.SameAs is null && window.Holds(p.ReceivedAt)).OrderBy(p => p.ReceivedAt).ThenBy(p => p.Id, StringComparer.Ordinal)],
            [.. balances
                .Where(b => b.Due > Money.Zero && window.FellDue(b.Invoice.DueDate))
                .Select(b => new OverdueInvoice(b.Invoice.Key, b.Invoice.DebtorName, b.Invoice.DueDate, b.Due, window.Day.DayNumber - b.Invoice.DueDate.DayNumber))
                .OrderBy(o => o.Invoice.Scheme.Value, StringComparer.Ordinal).ThenBy(o => o.Invoice.Year).ThenBy(o => o.Invoice.Number)],
            [.. reminders
                .Where(r => window.Holds(r.Reminder.RecordedAt))
                .Select(r => new SentReminder(r.Invoice.Key, r.Invoice.DebtorName, r.Reminder.Level, r.Reminder.RemindedOn, r.Reminder.Total, r.Reminder.NewDueDate))
                .OrderBy(r => r.Invoice.Scheme.Value, StringComparer.Ordinal).ThenBy(r => r.Invoice.Year).ThenBy(r => r.Invoice.Number).ThenBy(r => r.Level)],
            [.. outbox.Where(m => m.State is OutboxState.Failed or OutboxState.Uncertain).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal)],
            [.. balances
                .Where(b => b.RefundOwed > Money.Zero)
                .Select(b => new RefundOwed(b.Invoice.Key, b.Invoice.DebtorName, b.RefundOwed))
                .OrderBy(r => r.Invoice.Scheme.Value, StringComparer.Ordinal).ThenBy(r => r.Invoice.Year).ThenBy(r => r.Invoice.Number)]);
    }
}

/// <summary>An invoice whose due date passed in the window while its chain still asks <see cref="Due"/> of it.</summary>
public sealed record OverdueInvoice(InvoiceKey Invoice, string DebtorName, DateOnly DueDate, Money Due, int DaysPastDue);

/// <summary>A reminder recorded in the window (its e-mail queued, or kept for manual delivery when the party has no address).</summary>
public sealed record SentReminder(InvoiceKey Invoice, string DebtorName, int Level, DateOnly RemindedOn, Money Total, DateOnly NewDueDate);

/// <summary>Money the issuer owes the party back on an invoice, by its chain: to pay out and book as a refund.</summary>
public sealed record RefundOwed(InvoiceKey Invoice, string DebtorName, Money Amount);
