namespace Invoicing.Allocation;

/// <summary>
/// The rule of a population pool with a base fee, a cap and a floor, in whole allocation units. Each part pays the
/// base fee and the rest of the pool is split by weight with <see cref="LargestRemainder"/> (its tie rule). A part whose
/// share (base fee included) exceeds the cap pays the cap and the rest is split again, by the same rule, among the
/// others, until no share exceeds it; then a part whose share is below the floor pays the floor, the rest is split again
/// among the others, and so on. The parts always add up to the pool.
/// <para>
/// Caps are settled before floors: lifting a share to the floor only lowers the others, so a floor never pushes another
/// share over the cap. When the parts left to split cannot take what is left (all fixed, or less left than their base
/// fees), no split satisfies the terms and <see cref="Split"/> says why instead.
/// </para>
/// </summary>
public static class PoolSplit
{
    /// <summary>What bounded a share: nothing, the cap or the floor.</summary>
    public enum Bound
    {
        None,
        Cap,
        Floor,
    }

    /// <summary>The terms in allocation units; null where the line has none.</summary>
    public sealed record Terms(long? BaseFee, long? Cap, long? Floor)
    {
        public static readonly Terms None = new(null, null, null);
    }

    /// <summary>
    /// Either the units per part (input order) and what bounded each, or why no split can satisfy the terms and the
    /// term (<c>baseFee</c>, <c>cap</c> or <c>floor</c>) that cannot be met.
    /// </summary>
    public sealed record Result(long[]? Units, Bound[]? Bounds, string? Field, string? Refusal)
    {
        public bool IsRefused => Refusal is not null;
    }

    /// <param name="show">How a number of units is written in a refusal (kronor, for the budget).</param>
    public static Result Split(long units, IReadOnlyList<(string Key, long Weight)> parts, Terms terms, Func<long, string>? show = null)
    {
        show ??= u => u.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        var count = parts.Count;
        var baseFee = terms.BaseFee ?? 0;
        if (baseFee < 0 || terms.Cap < 0 || terms.Floor < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(terms), "Base fee, cap and floor are never negative.");
        }

        if ((Int128)baseFee * count > units)
        {
            return Refused("baseFee", $"the base fees of {count} participants ({count} × {show(baseFee)}) exceed the pool ({show(units)})");
        }

        if (terms.Cap is { } cap && (Int128)cap * count < units)
        {
            return Refused("cap", $"{count} participants at the cap ({count} × {show(cap)}) pay less than the pool ({show(units)})");
        }

        if (terms.Floor is { } floor && (Int128)floor * count > units)
        {
            return Refused("floor", $"{count} participants at the floor ({count} × {show(floor)}) pay more than the pool ({show(units)})");
        }

        if (terms.Cap is { } c && terms.Floor is { } f && f > c)
        {
            return Refused("floor", $"the floor ({show(f)}) is above the cap ({show(c)})");
        }

        if (terms.Cap is { } c2 && baseFee > c2)
        {
            return Refused("baseFee", $"the base fee ({show(baseFee)}) is above the cap ({show(c2)})");
        }

        var result = new long[count];
        var bounds = new Bound[count];
        var free = Enumerable.Range(0, count).ToList();
        var left = units;
        while (true)
        {
            if (free.Count == 0)
            {
                return left == 0 ? new Result(result, bounds, null, null) : Refused(FieldOf(terms), "no split keeps every share within the cap and floor");
            }

            if ((Int128)baseFee * free.Count > left)
            {
                return Refused(FieldOf(terms), "no split keeps every share within the cap and floor and pays every base fee");
            }

            var split = LargestRemainder.Allocate(left - baseFee * free.Count, free.Select(i => parts[i]).ToArray());
            var shares = split.Select(s => s + baseFee).ToArray();
            var over = terms.Cap is { } capUnits ? free.Where((_, k) => shares[k] > capUnits).ToArray() : [];
            var under = over.Length == 0 && terms.Floor is { } floorUnits ? free.Where((_, k) => shares[k] < floorUnits).ToArray() : [];
            if (over.Length == 0 && under.Length == 0)
            {
                for (var k = 0; k < free.Count; k++)
                {
                    result[free[k]] = shares[k];
                }

                return new Result(result, bounds, null, null);
            }

            var (fixedAt, bound) = over.Length > 0 ? (terms.Cap!.Value, Bound.Cap) : (terms.Floor!.Value, Bound.Floor);
            foreach (var i in over.Length > 0 ? over : under)
            {
                result[i] = fixedAt;
                bounds[i] = bound;
                left -= fixedAt;
                free.Remove(i);
            }

            if (left < 0)
            {
                return Refused(FieldOf(terms), "no split keeps every share within the cap and floor");
            }
        }
    }

    private static Result Refused(string field, string why) => new(null, null, field, why);

    private static string FieldOf(Terms terms) => terms.Floor is not null ? "floor" : terms.Cap is not null ? "cap" : "baseFee";
}
