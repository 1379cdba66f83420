using CsCheck;
using Invoicing.Allocation;

namespace Invoicing.Tests.Allocation;

/// <summary>The largest-remainder method's documented guarantees, checked on generated inputs with exact integer arithmetic.</summary>
public sealed class LargestRemainderProperties
{
    private const long Iterations = 2_000;

    /// <summary>
    /// Units to share, the parts (keys k00, k01… in input order) and the same parts shuffled. Weights are drawn
    /// from a small range (many ties) or a large one (population-like).
    /// </summary>
    private static readonly Gen<(long Units, (string Key, long Weight)[] Parts, (string Key, long Weight)[] Shuffled)> Cases =
        Gen.Select(
                Gen.OneOf(Gen.Long[0, 100], Gen.Long[0, 1_000_000_000_000]),
                Gen.OneOf(Gen.Long[1, 12].Array[1, 50], Gen.Long[1, 10_000_000].Array[1, 50]))
            .SelectMany((units, weights) =>
            {
                var parts = weights.Select((w, i) => ($"k{i:D2}", w)).ToArray();
                return Gen.Shuffle(parts.ToArray()).Select(shuffled => (units, parts, shuffled));
            });

    [Fact]
    public void Shares_sum_exactly_to_the_units()
    {
        Cases.Sample((units, parts, _) => LargestRemainder.Allocate(units, parts).Sum() == units, iter: Iterations);
    }

    [Fact]
    public void Shares_sum_exactly_to_the_units_for_any_long_sizes()
    {
        Gen.Select(Gen.Long[0, long.MaxValue], Gen.Long[1, long.MaxValue].Array[1, 20]).Sample(
            (units, weights) =>
            {
                var result = LargestRemainder.Allocate(units, weights.Select((w, i) => ($"k{i:D2}", w)).ToArray());
                return result.Aggregate(Int128.Zero, (sum, u) => sum + u) == units && result.All(u => u >= 0);
            },
            iter: Iterations);
    }

    [Fact]
    public void Each_share_is_within_one_unit_of_its_exact_quota()
    {
        Cases.Sample(
            (units, parts, _) =>
            {
                var result = LargestRemainder.Allocate(units, parts);
                Int128 total = parts.Sum(p => p.Weight);
                for (var i = 0; i < parts.Length; i++)
                {
                    // |part - units × weight ÷ total| < 1, multiplied through by total.
                    var deviation = Int128.Abs((Int128)result[i] * total - (Int128)units * parts[i].Weight);
                    Assert.True(deviation < total, $"{parts[i].Key}: {result[i]} units, deviation {deviation} of {total}");
                }
            },
            iter: Iterations);
    }

    [Fact]
    public void Each_share_is_its_quota_rounded_down_or_up()
    {
        Cases.Sample(
            (units, parts, _) =>
            {
                var result = LargestRemainder.Allocate(units, parts);
                Int128 total = parts.Sum(p => p.Weight);
                for (var i = 0; i < parts.Length; i++)
                {
                    var floor = (long)((Int128)units * parts[i].Weight / total);
                    Assert.InRange(result[i], floor, floor + 1);
                }
            },
            iter: Iterations);
    }

    [Fact]
    public void Shuffled_input_gives_every_key_the_same_share()
    {
        Cases.Sample(
            (units, parts, shuffled) =>
            {
                var original = LargestRemainder.Allocate(units, parts);
                var reordered = LargestRemainder.Allocate(units, shuffled);
                var byKey = shuffled.Select((p, i) => (p.Key, Units: reordered[i])).ToDictionary(p => p.Key, p => p.Units, StringComparer.Ordinal);
                for (var i = 0; i < parts.Length; i++)
                {
                    Assert.Equal(original[i], byKey[parts[i].Key]);
                }
            },
            iter: Iterations);
    }

    [Fact]
    public void A_larger_weight_never_gets_fewer_units()
    {
        Cases.Sample(
            (units, _, shuffled) =>
            {
                var result = LargestRemainder.Allocate(units, shuffled);
                for (var a = 0; a < shuffled.Length; a++)
                {
                    for (var b = 0; b < shuffled.Length; b++)
                    {
                        if (shuffled[a].Weight > shuffled[b].Weight)
                        {
                            Assert.True(result[a] >= result[b], $"{shuffled[a]} got {result[a]}, {shuffled[b]} got {result[b]}");
                        }
                        else if (shuffled[a].Weight == shuffled[b].Weight)
                        {
                            Assert.InRange(result[a] - result[b], -1, 1);
                        }
                    }
                }
            },
            iter: Iterations);
    }

    [Fact]
    public void Left_over_units_follow_the_documented_tie_break()
    {
        // Whoever got a left-over unit ranks before whoever did not: larger remainder, then larger weight,
        // then smaller key (ordinal).
        Cases.Sample(
            (units, _, shuffled) =>
            {
                var result = LargestRemainder.Allocate(units, shuffled);
                Int128 total = shuffled.Sum(p => p.Weight);
                var rank = shuffled.Select((p, i) =>
                {
                    var product = (Int128)units * p.Weight;
                    return (p.Key, p.Weight, Remainder: product % total, Extra: result[i] - (long)(product / total));
                }).ToArray();

                foreach (var winner in rank.Where(r => r.Extra == 1))
                {
                    foreach (var loser in rank.Where(r => r.Extra == 0))
                    {
                        var before = winner.Remainder > loser.Remainder
                            || (winner.Remainder == loser.Remainder
                                && (winner.Weight > loser.Weight
                                    || (winner.Weight == loser.Weight && string.CompareOrdinal(winner.Key, loser.Key) < 0)));
                        Assert.True(before, $"{winner} got a left-over unit before {loser}");
                    }
                }
            },
            iter: Iterations);
    }
}
