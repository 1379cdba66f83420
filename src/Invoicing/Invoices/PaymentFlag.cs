namespace Invoicing.Invoices;

/// <summary>Why a booked record deserves a person's attention, or what kind of record it is.</summary>
public enum PaymentFlag
{
    None,

    /// <summary>The payment took the invoice past its total.</summary>
    Overpayment,

    /// <summary>The invoice was already paid in full before this payment.</summary>
    InvoiceAlreadyPaid,

    /// <summary>The bank took a booked payment back (a reversal); the amount paid went down by it.</summary>
    Reversal,

    /// <summary>A payer's deduction (BgMax TK21) settled on the invoice by a person; the amount paid went down by it.</summary>
    Deduction,

    /// <summary>
    /// The same payment as an earlier record, delivered again by the bank in another format (camt.054 and BgMax):
    /// recorded so that delivery is recognised every time, with an amount of zero. No money moved.
    /// </summary>
    AlreadyReceived,

    /// <summary>Money paid back to the party (a negative record): the refund owed went down by it.</summary>
    Refund,
}
