using Invoicing.Invoices;

namespace Invoicing.Payments;

/// <summary>One booked payment in an invoice's history: what, when, from where, and what it did to the status.</summary>
public sealed record PaymentRecord(
    InvoiceNumber Invoice,
    string EntryReference,
    string Source,
    Money Amount,
    DateOnly PaidOn,
    DateTimeOffset BookedAt,
    PaymentStatus StatusBefore,
    PaymentStatus StatusAfter,
    PaymentFlag Flag,
    string? Note,
    string? PayerName)
{
    /// <summary>For a reversal (negative <see cref="Amount"/>): the entry reference of the payment it took back.</summary>
    public string? Reverses { get; init; }
}
