using Invoicing.Invoices;

namespace Invoicing.Payments;

/// <summary>What booking a payment did to an invoice.</summary>
public sealed record BookingResult(InvoiceKey Invoice, bool Booked, PaymentStatus Before, PaymentStatus After, Money Amount, PaymentFlag Flag);

/// <summary>Why a booked payment deserves a person's attention.</summary>
public enum PaymentFlag
{
    None,

    /// <summary>The payment took the invoice past its total.</summary>
    Overpayment,

    /// <summary>The invoice was already paid in full before this payment.</summary>
    InvoiceAlreadyPaid,

    /// <summary>The bank took a booked payment back (a reversal); the amount paid went down by it.</summary>
    Reversal,

    /// <summary>Money paid back to the party (a negative record): the refund owed went down by it.</summary>
    Refund,
}
