using Invoicing.Invoices;

namespace Invoicing.Payments;

/// <summary>
/// A received payment that could not be booked automatically, waiting for a person: no or a bad OCR, no such
/// invoice, or a deduction. <see cref="Id"/> (the entry key) is what finance names to book it by hand.
/// </summary>
public sealed record UnmatchedPayment(
    string Id,
    string EntryReference,
    string Source,
    Money Amount,
    DateOnly PaidOn,
    string? Reference,
    string? PayerName,
    string Reason,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The invoice it was booked to by hand, once it has been.</summary>
    public InvoiceKey? BookedTo { get; init; }
}
