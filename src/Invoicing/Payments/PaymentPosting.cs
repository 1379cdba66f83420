namespace Invoicing.Payments;

/// <summary>A payment to book on an invoice, or (with <see cref="Reverses"/>) a reversal taking back the booked payment of that entry reference.</summary>
internal sealed record PaymentPosting(PaymentBooking Payment, string? Reverses);
