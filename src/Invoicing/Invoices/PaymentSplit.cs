namespace Invoicing.Invoices;

/// <summary>
/// One part of a payment that named several invoices: part <see cref="Part"/> of <see cref="Parts"/>, each invoice
/// paid up to what it asked in the order the payer named them, the rest on the last.
/// </summary>
/// <param name="Part">1-based.</param>
/// <param name="Parts">How many invoices the payment was booked on.</param>
/// <param name="Whole">The whole payment, of which this part is a share.</param>
public sealed record PaymentSplit(int Part, int Parts, Money Whole)
{
    /// <summary>"part 1 of 3 of 14 000,00 kr" for notes and lists.</summary>
    public override string ToString() => $"part {Part} of {Parts} of {Whole}";
}
