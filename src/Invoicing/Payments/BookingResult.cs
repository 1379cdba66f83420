using Invoicing.Invoices;

namespace Invoicing.Payments;

/// <summary>What booking a payment did to an invoice.</summary>
public sealed record BookingResult(InvoiceKey Invoice, bool Booked, PaymentStatus Before, PaymentStatus After, Money Amount, PaymentFlag Flag)
{
    /// <summary>True when the payment is dated before the invoice was issued: booked, and said (check with the payer).</summary>
    public bool PaidInAdvance { get; init; }

    /// <summary>Which part of a payment for several invoices this was; null for a payment of one invoice.</summary>
    public PaymentSplit? Split { get; init; }
}
