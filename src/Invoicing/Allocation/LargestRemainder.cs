namespace Invoicing.Allocation;

/// <summary>
/// The largest-remainder (Hamilton) method: each part first gets the whole units of its exact quota
/// <c>units × weight ÷ total</c>; the units left over go one each to the parts with the largest remainders.
/// The parts always add up to <c>units</c> and each is within one unit of its exact quota.
/// <para>
/// Ties (equal remainders) go first to the larger weight, then to the smaller key in ordinal order. The
/// rule depends only on keys and weights, never on input order, so the result is the same however the
/// input is sorted; and a larger weight never gets fewer units than a smaller one.
/// </para>
/// Arithmetic is exact in 128-bit integers: no floating point is involved anywhere.
/// </summary>
public static class LargestRemainder
{
    public static long[] Allocate(long units, IReadOnlyList<(string Key, long Weight)> parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        if (parts.Count == 0)
        {
            throw new ArgumentException("There is nothing to allocate to.", nameof(parts));
        }

        Int128 total = 0;
        foreach (var (key, weight) in parts)
        {
            if (weight <= 0)
            {
                throw new ArgumentException($"Weight of '{key}' is {weight}; every weight must be positive.", nameof(parts));
            }

            total += weight;
        }

        if (parts.Select(p => p.Key).Distinct(StringComparer.Ordinal).Count() != parts.Count)
        {
            throw new ArgumentException("Keys must be unique: they break ties.", nameof(parts));
        }

        var result = new long[parts.Count];
        var remainders = new Int128[parts.Count];
        Int128 given = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            var product = (Int128)units * parts[i].Weight;
            result[i] = (long)(product / total);
            remainders[i] = product % total;
            given += result[i];
        }

        var leftOver = (long)((Int128)units - given);
        var order = Enumerable.Range(0, parts.Count)
            .OrderByDescending(i => remainders[i])
            .ThenByDescending(i => parts[i].Weight)
            .ThenBy(i => parts[i].Key, StringComparer.Ordinal);
        foreach (var i in order.Take((int)leftOver))
        {
            result[i]++;
        }

        return result;
    }
}
