using System.Diagnostics.CodeAnalysis;
using Invoicing.Invoices;
using Invoicing.Payments;
using Invoicing.Reminders;

namespace Invoicing.Web.Contracts;

/// <summary>
/// One invoice in full: its summary, lines, every payment and refund booked on it, every reminder (with the address
/// of its PDF as sent), and the chain it belongs to (its original, supplements and credit notes) as one debt.
/// </summary>
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

    /// <summary>Every document of the chain, in number order.</summary>
    public IReadOnlyList<ChainDocument> Chain { get; init; } = [];

    /// <summary>The chain as one debt: <see cref="PaymentStatus"/>, what it still lacks and what is owed back on it.</summary>
    public string ChainStatus { get; init; } = "";

    public decimal ChainDue { get; init; }

    public decimal ChainRefundOwed { get; init; }

    public static InvoiceDetail From(DocumentChain chain, InvoiceNumber number, IReadOnlyList<PaymentRecord> payments, IReadOnlyList<ReminderRecord> reminders, DateOnly today)
    {
        var balance = chain.BalanceOf(number);
        var invoice = balance.Document;
        return new(InvoiceSummary.From(balance, today, InvoiceSummary.Corrections(chain.Balances)))
        {
            Lines = [.. invoice.Lines.Select(l => new Line(l.Description, Kronor.From(l.Amount)))],
            Payments = [.. payments.Select(p => new Payment(p.PaidOn, Kronor.From(p.Amount), p.Source, p.EntryReference, p.StatusBefore.ToString(), p.StatusAfter.ToString(), p.Flag.ToString(), p.BookedAt, p.Note)
            {
                PaidInAdvance = p.PaidInAdvance,
                Part = p.Split?.Part,
                Parts = p.Split?.Parts,
                Whole = p.Split is { } split ? Kronor.From(split.Whole) : null,
                FileId = p.FileId,
            })],
            Reminders = [.. reminders.Select(r => new Reminder(r.Level, r.RemindedOn, r.NewDueDate, Kronor.From(r.Total), $"/api/invoices/{invoice.Scheme}/{invoice.Year}/{invoice.Number}/reminders/{r.Level}/pdf"))],
            Chain = [.. chain.Balances.Select(b => new ChainDocument(
                b.Document.Number.ToString(), Documents.DocumentKinds.ToText(b.Document.Kind), b.Document.IssueDate,
                Kronor.From(b.Document.SignedTotal), b.Document.Corrects?.Number.ToString(), b.Status.ToString()))],
            ChainStatus = chain.Balance.Status.ToString(),
            ChainDue = Kronor.From(chain.Balance.Due),
            ChainRefundOwed = Kronor.From(chain.Balance.RefundOwed),
        };
    }

    public sealed record Line(string Description, decimal Amount);

    /// <summary>
    /// A booked record: a payment (positive), a reversal or a refund paid back (negative); <c>flag</c> is None, Overpayment
    /// or InvoiceAlreadyPaid (both mean: check and refund), Reversal, Refund, Deduction, or AlreadyReceived (the same
    /// payment delivered again in another format: zero, nothing moved). <c>paidInAdvance</c>: dated before the invoice
    /// was issued. <c>part</c> of <c>parts</c> of <c>whole</c>: the share of a payment for several invoices. <c>fileId</c>:
    /// the SHA-256 of the archived bank file it was booked from (<c>GET /api/payments/files/{fileId}</c>), null for a
    /// payment registered by hand.
    /// </summary>
    public sealed record Payment(DateOnly PaidOn, decimal Amount, string Source, string EntryReference, string StatusBefore, string StatusAfter, string Flag, DateTimeOffset BookedAt, string? Note)
    {
        public bool PaidInAdvance { get; init; }

        public int? Part { get; init; }

        public int? Parts { get; init; }

        public decimal? Whole { get; init; }

        public string? FileId { get; init; }
    }

    /// <summary>A reminder sent: its level (1, 2), date, new due date, the amount it asked for, and where its PDF is.</summary>
    public sealed record Reminder(int Level, DateOnly RemindedOn, DateOnly NewDueDate, decimal Amount, string Pdf);

    /// <summary>One document of the chain: a credit note's amount is negative.</summary>
    public sealed record ChainDocument(string Number, string Kind, DateOnly IssueDate, decimal Amount, string? Corrects, string Status);
}
