namespace Invoicing.Invoices;

/// <summary>Where an invoice stands with its payments. Every invoice starts <see cref="Unpaid"/>, every credit note <see cref="Issued"/>.</summary>
public enum PaymentStatus
{
    Unpaid,
    PartiallyPaid,
    Paid,
    /// <summary>More was paid than is due after credits: a refund is owed.</summary>
    Overpaid,

    /// <summary>Credit notes took the whole amount off an unpaid invoice: nothing is due, no reminder is sent.</summary>
    Credited,

    /// <summary>A credit note: nothing to pay; its amount is credited to the invoice it corrects.</summary>
    Issued,
}
