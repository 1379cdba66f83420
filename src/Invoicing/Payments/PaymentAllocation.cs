namespace Invoicing.Payments;

/// <summary>How a payment that names several invoices is shared among them.</summary>
internal static class PaymentAllocation
{
    /// <summary>
    /// Each invoice, in the order the payer named them, gets what it still asks for (nothing when it asks for
    /// nothing) until the money runs out; the last one gets the rest, so an overpayment lands on it and is flagged
    /// there. The parts always sum to <paramref name="amount"/>.
    /// </summary>
    /// <param name="amount">The payment, positive.</param>
    /// <param name="dues">What each named invoice still asks for, in the payer's order; at least one.</param>
    public static IReadOnlyList<Money> Split(Money amount, IReadOnlyList<Money> dues)
    {
        var parts = new Money[dues.Count];
        var rest = amount;
        for (var i = 0; i < dues.Count - 1; i++)
        {
            var due = dues[i] > Money.Zero ? dues[i] : Money.Zero;
            parts[i] = rest < due ? rest : due;
            rest -= parts[i];
        }

        parts[^1] = rest;
        return parts;
    }
}
