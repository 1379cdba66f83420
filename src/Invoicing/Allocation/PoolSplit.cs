namespace Invoicing.Allocation;

/// <summary>
/// The rule of a population pool with a base fee, a cap and a floor, in whole allocation units. Each part pays the
/// base fee and the rest of the pool is split by weight with <see cref="LargestRemainder"/> (its tie rule). A part whose
/// share (base fee included) exceeds the cap pays the cap and the rest is split again, by the same rule, among the
/// others, until no share exceeds it; a floor likewise upwards. The parts always add up to the pool.
/// <para>
/// Fixing parts one round at a time can go wrong when both bounds bind (a cap fixed early leaves too little for a floor
/// later), so the parts the bounds fix are found at once, from the exact shares (see <see cref="Split"/>): the result is
/// what the rounds would reach had they fixed the right parts. Terms are refused only when no split can meet them: base
/// fees or floors beyond the pool, caps that cannot hold it, a floor above the cap or a base fee above it.
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

        /// <summary>The <see cref="Refusal"/> in Swedish, for the pages.</summary>
        public string? SwedishRefusal { get; init; }
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
            return Refused(
                "baseFee",
                $"the base fees of {count} participants ({count} × {show(baseFee)}) exceed the pool ({show(units)})",
                $"grundavgifterna för {count} deltagare ({count} × {show(baseFee)}) är mer än potten ({show(units)})");
        }

        if (terms.Cap is { } cap && (Int128)cap * count < units)
        {
            return Refused(
                "cap",
                $"{count} participants at the cap ({count} × {show(cap)}) pay less than the pool ({show(units)})",
                $"{count} deltagare på takbeloppet ({count} × {show(cap)}) betalar mindre än potten ({show(units)})");
        }

        if (terms.Floor is { } floor && (Int128)floor * count > units)
        {
            return Refused(
                "floor",
                $"{count} participants at the floor ({count} × {show(floor)}) pay more than the pool ({show(units)})",
                $"{count} deltagare på golvbeloppet ({count} × {show(floor)}) betalar mer än potten ({show(units)})");
        }

        if (terms.Cap is { } c && terms.Floor is { } f && f > c)
        {
            return Refused("floor", $"the floor ({show(f)}) is above the cap ({show(c)})", $"golvbeloppet ({show(f)}) är högre än takbeloppet ({show(c)})");
        }

        if (terms.Cap is { } c2 && baseFee > c2)
        {
            return Refused("baseFee", $"the base fee ({show(baseFee)}) is above the cap ({show(c2)})", $"grundavgiften ({show(baseFee)}) är högre än takbeloppet ({show(c2)})");
        }

        // Which parts the bounds fix follows from the exact (unrounded) shares base + λ × weight, clamped to [floor, cap],
        // with λ chosen so that they add up to the pool: a larger weight never pays less. Between two breakpoints (the λ
        // where a part reaches its cap or leaves its floor) the fixed parts do not change, so the breakpoint just below
        // the pool decides them; the parts left free then share what is left by the largest remainder, which keeps each
        // within one unit of an exact share already inside the bounds, so within the (whole-unit) bounds too.
        var lambda = LastBreakpointAtMost(units, parts, baseFee, terms.Cap, terms.Floor);
        var result = new long[count];
        var bounds = new Bound[count];
        var free = new List<int>();
        var left = (Int128)units;
        for (var i = 0; i < count; i++)
        {
            var weight = parts[i].Weight;
            if (terms.Cap is { } capAt && lambda is { } at && Compare(new Rational(capAt - baseFee, weight), at) <= 0)
            {
                (result[i], bounds[i]) = (capAt, Bound.Cap);
            }
            else if (terms.Floor is { } floorAt && floorAt > baseFee && (lambda is not { } l || Compare(new Rational(floorAt - baseFee, weight), l) > 0))
            {
                (result[i], bounds[i]) = (floorAt, Bound.Floor);
            }
            else
            {
                free.Add(i);
                continue;
            }

            left -= result[i];
        }

        if (free.Count == 0)
        {
            return left == 0 ? new Result(result, bounds, null, null) : Refused(FieldOf(terms), NoSplit, SwedishNoSplit);
        }

        if (left < (Int128)baseFee * free.Count)
        {
            return Refused(FieldOf(terms), NoSplit + " and pays every base fee", SwedishNoSplit + " och betalar varje grundavgift");
        }

        var split = LargestRemainder.Allocate((long)(left - (Int128)baseFee * free.Count), free.Select(i => parts[i]).ToArray());
        for (var k = 0; k < free.Count; k++)
        {
            result[free[k]] = split[k] + baseFee;
            if (result[free[k]] > terms.Cap || result[free[k]] < terms.Floor)
            {
                return Refused(FieldOf(terms), NoSplit, SwedishNoSplit);
            }
        }

        return new Result(result, bounds, null, null);
    }

    /// <summary>λ as a fraction: units of the pool per unit of weight, beyond the base fee.</summary>
    private readonly record struct Rational(Int128 Numerator, Int128 Denominator);

    private static int Compare(Rational a, Rational b) => (a.Numerator * b.Denominator).CompareTo(b.Numerator * a.Denominator);

    /// <summary>What the clamped exact shares add up to at λ, times λ's denominator (so it stays an integer).</summary>
    private static Int128 ScaledTotal(Rational lambda, IReadOnlyList<(string Key, long Weight)> parts, long baseFee, long? cap, long? floor)
    {
        Int128 total = 0;
        foreach (var (_, weight) in parts)
        {
            var share = baseFee * lambda.Denominator + lambda.Numerator * weight;
            if (cap is { } c && share > c * lambda.Denominator)
            {
                share = c * lambda.Denominator;
            }

            if (floor is { } f && share < f * lambda.Denominator)
            {
                share = f * lambda.Denominator;
            }

            total += share;
        }

        return total;
    }

    /// <summary>The largest breakpoint λ whose clamped shares add up to at most the pool; null when there is none (λ below every breakpoint).</summary>
    private static Rational? LastBreakpointAtMost(long units, IReadOnlyList<(string Key, long Weight)> parts, long baseFee, long? cap, long? floor)
    {
        var breakpoints = Breakpoints(parts, baseFee, cap, floor);
        Rational? best = null;
        int low = 0, high = breakpoints.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (ScaledTotal(breakpoints[middle], parts, baseFee, cap, floor) <= (Int128)units * breakpoints[middle].Denominator)
            {
                best = breakpoints[middle];
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return best;
    }

    private static List<Rational> Breakpoints(IReadOnlyList<(string Key, long Weight)> parts, long baseFee, long? cap, long? floor)
    {
        var points = new List<Rational>();
        foreach (var (_, weight) in parts)
        {
            if (cap is { } c)
            {
                points.Add(new Rational(c - baseFee, weight));
            }

            if (floor is { } f && f > baseFee)
            {
                points.Add(new Rational(f - baseFee, weight));
            }
        }

        points.Sort(Compare);
        return points;
    }

    private const string NoSplit = "no split keeps every share within the cap and floor";

    private const string SwedishNoSplit = "ingen fördelning håller varje andel inom tak- och golvbeloppen";

    private static Result Refused(string field, string why, string swedishWhy) => new(null, null, field, why) { SwedishRefusal = swedishWhy };

    private static string FieldOf(Terms terms) => terms.Floor is not null ? "floor" : terms.Cap is not null ? "cap" : "baseFee";
}
