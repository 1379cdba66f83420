namespace Invoicing.Payments;

/// <summary>
/// A payment to book on an invoice. <see cref="EntryReference"/> identifies it at its source (the bank's
/// entry reference, or a manual registration's own), so booking it twice books it once.
/// </summary>
public sealed record PaymentBooking(string EntryReference, string Source, Money Amount, DateOnly PaidOn, string? Note = null, string? PayerName = null);
