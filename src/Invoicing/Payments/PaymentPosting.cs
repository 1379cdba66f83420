namespace Invoicing.Payments;

/// <summary>What a posting does to an invoice.</summary>
internal enum PostingKind
{
    /// <summary>Money received: the amount paid goes up.</summary>
    Payment,

    /// <summary>The bank took back the booked payment named by <see cref="PaymentPosting.Counterpart"/>: the amount paid goes down.</summary>
    Reversal,

    /// <summary>A payer's deduction settled by a person: the amount paid goes down.</summary>
    Deduction,

    /// <summary>The same payment as the record named by <see cref="PaymentPosting.Counterpart"/>, delivered again in another format: recorded, nothing moves.</summary>
    AlreadyReceived,

    /// <summary>Money paid back to the party: the amount refunded goes up, so the refund owed goes down.</summary>
    Refund,
}

/// <summary>A payment to book on an invoice, or another record of money (<see cref="PostingKind"/>); <see cref="PaymentBooking.Amount"/> is positive for every kind.</summary>
/// <param name="Counterpart">The <see cref="PaymentRecord.Key"/> a reversal takes back or a payment received again is the same as.</param>
internal sealed record PaymentPosting(PaymentBooking Payment, PostingKind Kind = PostingKind.Payment, string? Counterpart = null);
