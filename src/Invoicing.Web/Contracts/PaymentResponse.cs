namespace Invoicing.Web.Contracts;

/// <summary>
/// What registering a payment did: <c>booked</c> false when this very payment was already booked (nothing
/// changed); <c>flag</c> Overpayment or InvoiceAlreadyPaid asks for a check and a refund.
/// </summary>
public sealed record PaymentResponse(bool Booked, string StatusBefore, string StatusAfter, string Flag, InvoiceSummary Invoice);
