using Invoicing.Payments.BankFiles;

namespace Invoicing.Payments;

/// <summary>
/// The deliveries of payments known by <see cref="PaymentFingerprint"/>: each bank entry once (the parts of a payment
/// for several invoices share one key), the format it came in, and for one recorded as the same payment as another
/// delivery, which. A payment delivered as BgMax and again as camt.054 is one payment; two payments with one
/// fingerprint delivered in both formats are paired one for one, in the order they came.
/// </summary>
internal sealed class SamePayments
{
    private readonly Dictionary<string, List<Delivery>> _byFingerprint = new(StringComparer.Ordinal);
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    /// <summary>Adds a delivery, unless one with its key is known.</summary>
    /// <param name="sameAs">The key of the delivery it was recorded as the same payment as; null for a payment of its own.</param>
    public void Add(string fingerprint, string key, BankFileFormat format, string? sameAs, string description)
    {
        if (!_keys.Add(key))
        {
            return;
        }

        if (!_byFingerprint.TryGetValue(fingerprint, out var deliveries))
        {
            _byFingerprint[fingerprint] = deliveries = [];
        }

        deliveries.Add(new Delivery(key, format, sameAs, description));
    }

    /// <summary>
    /// The payment delivered in another format than <paramref name="format"/>, with this fingerprint, that has not
    /// yet been delivered in <paramref name="format"/>: the earliest such, or null.
    /// </summary>
    public Delivery? Unpaired(string fingerprint, BankFileFormat format)
    {
        if (!_byFingerprint.TryGetValue(fingerprint, out var deliveries))
        {
            return null;
        }

        var paired = deliveries.Where(d => d.Format == format && d.SameAs is not null).Select(d => d.SameAs!).ToHashSet(StringComparer.Ordinal);
        return deliveries.FirstOrDefault(d => d.Format != format && d.SameAs is null && !paired.Contains(d.Key));
    }

    /// <summary>One delivery: its key, format, what it was recorded as the same as, and how a person finds it.</summary>
    public sealed record Delivery(string Key, BankFileFormat Format, string? SameAs, string Description);
}
