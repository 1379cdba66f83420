namespace Invoicing.Allocation;

/// <summary>
/// The rule of an equal split: every party the same whole number of units, and the units left over one each to the
/// first parties in ordinal order of their keys (party codes). The parts add up to the whole and differ by at most one.
/// </summary>
public static class EqualSplitRule
{
    public static long[] Split(long units, IReadOnlyList<string> keys)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        if (keys.Count == 0)
        {
            throw new ArgumentException("There is nothing to split among.", nameof(keys));
        }

        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            throw new ArgumentException("Keys must be unique: they decide who gets the units left over.", nameof(keys));
        }

        var each = units / keys.Count;
        var leftOver = units % keys.Count;
        var first = keys.Select((key, i) => (key, i)).OrderBy(k => k.key, StringComparer.Ordinal).Take((int)leftOver).Select(k => k.i).ToHashSet();
        return keys.Select((_, i) => each + (first.Contains(i) ? 1 : 0)).ToArray();
    }
}
