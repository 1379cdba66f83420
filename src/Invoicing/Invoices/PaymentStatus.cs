namespace Invoicing.Invoices;

/// <summary>Where an invoice stands with its payments. Every invoice starts <see cref="Unpaid"/>.</summary>
public enum PaymentStatus
{
    Unpaid,
    PartiallyPaid,
    Paid,
    Overpaid,
}
