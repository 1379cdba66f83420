using System.Diagnostics.CodeAnalysis;
using Invoicing.Invoices;
using Invoicing.Payments;
using Invoicing.Reminders;

namespace Invoicing.Web.Contracts;

/// <summary>One invoice in full: its summary, lines, every payment booked on it and every reminder.</summary>
public sealed record InvoiceDetail : InvoiceSummary
{
    [SetsRequiredMembers]
    private InvoiceDetail(InvoiceSummary summary)
        : base(summary)
    {
    }

    public IReadOnlyList<Line> Lines { get; init; } = [];

    public IReadOnlyList<Payment> Payments { get; init; } = [];

    public IReadOnlyList<Reminder> Reminders { get; init; } = [];

    public static InvoiceDetail From(Invoice invoice, IReadOnlyList<PaymentRecord> payments, IReadOnlyList<ReminderRecord> reminders, DateOnly today) =>
        new(InvoiceSummary.From(invoice, today))
        {
            Lines = [.. invoice.Lines.Select(l => new Line(l.Description, Kronor.From(l.Amount)))],
            Payments = [.. payments.Select(p => new Payment(p.PaidOn, Kronor.From(p.Amount), p.Source, p.EntryReference, p.StatusBefore.ToString(), p.StatusAfter.ToString(), p.Flag.ToString(), p.BookedAt, p.Note)
            {
                PaidInAdvance = p.PaidInAdvance,
                Part = p.Split?.Part,
                Parts = p.Split?.Parts,
                Whole = p.Split is { } split ? Kronor.From(split.Whole) : null,
            })],
            Reminders = [.. reminders.Select(r => new Reminder(r.Level, r.RemindedOn, r.NewDueDate, Kronor.From(r.Total)))],
        };

    public sealed record Line(string Description, decimal Amount);

    /// <summary>
    /// A booked record; <c>flag</c> is None, Overpayment or InvoiceAlreadyPaid (both mean: check and refund), Reversal,
    /// Deduction, or AlreadyReceived (the same payment delivered again in another format: zero, nothing moved).
    /// <c>paidInAdvance</c>: dated before the invoice was issued. <c>part</c> of <c>parts</c> of <c>whole</c>: the share
    /// of a payment for several invoices.
    /// </summary>
    public sealed record Payment(DateOnly PaidOn, decimal Amount, string Source, string EntryReference, string StatusBefore, string StatusAfter, string Flag, DateTimeOffset BookedAt, string? Note)
    {
        public bool PaidInAdvance { get; init; }

        public int? Part { get; init; }

        public int? Parts { get; init; }

        public decimal? Whole { get; init; }
    }

    /// <summary>A reminder sent: its level (1, 2), date, new due date and the amount it asked for.</summary>
    public sealed record Reminder(int Level, DateOnly RemindedOn, DateOnly NewDueDate, decimal Amount);
}
