namespace Invoicing.Payments;

/// <summary>
/// A payment to book on an invoice, or (with <see cref="Reverses"/>) a reversal taking back the booked payment of that
/// entry reference, or (with <see cref="IsRefund"/>) money paid back to the party.
/// </summary>
internal sealed record PaymentPosting(PaymentBooking Payment, string? Reverses)
{
    public bool IsRefund { get; init; }
}
