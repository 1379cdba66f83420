using Invoicing.Invoices;
using Invoicing.Payments.BankFiles;

namespace Invoicing.Payments;

/// <summary>
/// What one entry of a file will do, decided by reading only, before anything is written: the records to post on
/// invoices, or the row to put on the unmatched list, or nothing (only listed, or handled before).
/// </summary>
internal sealed record EntryPlan(BankEntry Entry, ImportOutcome Outcome, string? Reason = null)
{
    /// <summary>The records to post, each on its invoice, in the order the payer named them.</summary>
    public IReadOnlyList<(InvoiceKey Invoice, PaymentPosting Posting)> Postings { get; init; } = [];

    /// <summary>The row to add to the unmatched list (open, or recognised as the same as a listed one).</summary>
    public UnmatchedPayment? Unmatched { get; init; }

    /// <summary>What an entry handled before was booked as.</summary>
    public IReadOnlyList<BookingResult> Done { get; init; } = [];

    public InvoiceSuggestion? Suggested { get; init; }
}
