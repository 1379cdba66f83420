using CsCheck;
using Invoicing.Allocation;

namespace Invoicing.Tests.Allocation;

/// <summary>
/// Each allocation key's rule (docs/allocation.md) on generated inputs: the parts add up to the whole exactly, base
/// fees are paid, no share passes a cap or floor, a per-capita share is rate × population rounded half up, and equal
/// shares differ by at most one krona.
/// </summary>
public sealed class AllocationKeyProperties
{
    private const long Iterations = 3_000;

    /// <summary>A pool, its parts' weights (population-like or tie-heavy) and terms drawn around the pool's mean share.</summary>
    private static readonly Gen<(long Units, (string Key, long Weight)[] Parts, PoolSplit.Terms Terms)> Pools =
        Gen.Select(
                Gen.Long[0, 10_000_000],
                Gen.OneOf(Gen.Long[1, 12].Array[1, 30], Gen.Long[1, 1_000_000].Array[1, 30]),
                Gen.Int[0, 7],
                Gen.Long[0, 200],
                Gen.Long[50, 400],
                Gen.Long[0, 150])
            .Select((units, weights, which, basePercent, capPercent, floorPercent) =>
            {
                var parts = weights.Select((w, i) => ($"k{i:D2}", w)).ToArray();
                var mean = units / parts.Length;
                long? Term(int bit, long percent) => (which & bit) != 0 ? mean * percent / 100 : null;
                return (units, parts, new PoolSplit.Terms(Term(1, basePercent), Term(2, capPercent), Term(4, floorPercent)));
            });

    [Fact]
    public void A_pool_split_sums_exactly_to_the_pool()
    {
        Pools.Sample((units, parts, terms) =>
        {
            var result = PoolSplit.Split(units, parts, terms);
            return result.IsRefused || result.Units!.Sum() == units;
        }, iter: Iterations);
    }

    [Fact]
    public void Every_participant_pays_at_least_the_base_fee()
    {
        Pools.Where((_, _, terms) => terms.BaseFee is not null).Sample((units, parts, terms) =>
        {
            var result = PoolSplit.Split(units, parts, terms);
            return result.IsRefused || result.Units!.All(u => u >= terms.BaseFee);
        }, iter: Iterations);
    }

    [Fact]
    public void No_share_exceeds_the_cap_or_falls_below_the_floor()
    {
        Pools.Sample((units, parts, terms) =>
        {
            var result = PoolSplit.Split(units, parts, terms);
            return result.IsRefused || result.Units!.All(u => (terms.Cap is not { } cap || u <= cap) && (terms.Floor is not { } floor || u >= floor));
        }, iter: Iterations);
    }

    [Fact]
    public void A_bounded_share_is_exactly_the_bound_and_the_others_are_split_again_by_the_same_rule()
    {
        Pools.Sample((units, parts, terms) =>
        {
            var result = PoolSplit.Split(units, parts, terms);
            if (result.IsRefused)
            {
                return;
            }

            var free = Enumerable.Range(0, parts.Length).Where(i => result.Bounds![i] == PoolSplit.Bound.None).ToArray();
            foreach (var i in Enumerable.Range(0, parts.Length).Except(free))
            {
                Assert.Equal(result.Bounds![i] == PoolSplit.Bound.Cap ? terms.Cap : terms.Floor, result.Units![i]);
            }

            if (free.Length > 0)
            {
                // The unbounded shares are the base fee plus the largest-remainder split of what the bounded ones left.
                var baseFee = terms.BaseFee ?? 0;
                var left = free.Sum(i => result.Units![i]) - baseFee * free.Length;
                var expected = LargestRemainder.Allocate(left, free.Select(i => parts[i]).ToArray());
                Assert.Equal(expected.Select(e => e + baseFee), free.Select(i => result.Units![i]));
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Terms_that_some_split_can_meet_are_never_refused()
    {
        // Feasible: base fees and floors fit in the pool, the caps can hold it, and the bounds are in order.
        Pools.Where((units, parts, terms) =>
                (terms.BaseFee ?? 0) * parts.Length <= units
                && (terms.Floor ?? 0) * parts.Length <= units
                && (terms.Cap is not { } cap || (cap * parts.Length >= units && cap >= (terms.BaseFee ?? 0) && cap >= (terms.Floor ?? 0))))
            .Sample((units, parts, terms) => !PoolSplit.Split(units, parts, terms).IsRefused, iter: Iterations);
    }

    [Fact]
    public void Without_terms_a_pool_is_the_plain_largest_remainder_split()
    {
        Pools.Sample((units, parts, _) =>
            PoolSplit.Split(units, parts, PoolSplit.Terms.None).Units!.SequenceEqual(LargestRemainder.Allocate(units, parts)), iter: Iterations);
    }

    [Fact]
    public void Base_fees_beyond_the_pool_are_refused_and_name_the_base_fee()
    {
        Gen.Select(Gen.Long[0, 1_000_000], Gen.Long[1, 1_000_000].Array[1, 20]).Sample((units, weights) =>
        {
            var fee = units / weights.Length + 1;
            var result = PoolSplit.Split(units, weights.Select((w, i) => ($"k{i:D2}", w)).ToArray(), new PoolSplit.Terms(fee, null, null));
            return result.IsRefused && result.Field == "baseFee";
        }, iter: Iterations);
    }

    [Fact]
    public void A_per_capita_share_is_rate_times_population_rounded_half_up_to_whole_kronor()
    {
        Gen.Select(Gen.Long[1, 1_000_000], Gen.Long[0, 20_000_000]).Sample((rateOre, population) =>
        {
            var share = PerCapitaRule.Share(new Money(rateOre), population);
            var exactOre = (Int128)rateOre * population;
            var differenceOre = (Int128)share.Ore - exactOre;
            // Whole kronor, within half a krona, and a half exactly rounds up.
            return share.IsWholeKronor && differenceOre > -50 && differenceOre <= 50;
        }, iter: Iterations);
    }

    [Fact]
    public void Equal_shares_sum_to_the_amount_and_differ_by_at_most_one_krona_the_extra_kronor_to_the_first_codes()
    {
        Gen.Select(Gen.Long[0, 100_000_000], Gen.Int[1, 300]).Sample((kronor, count) =>
        {
            var keys = Enumerable.Range(0, count).Select(i => $"{(i * 7919) % 10_000:D4}-{i}").ToArray();
            var shares = EqualSplitRule.Split(kronor, keys);
            Assert.Equal(kronor, shares.Sum());
            Assert.True(shares.Max() - shares.Min() <= 1);
            var byCode = keys.Select((k, i) => (k, shares[i])).OrderBy(p => p.k, StringComparer.Ordinal).Select(p => p.Item2).ToArray();
            Assert.Equal(byCode.OrderByDescending(s => s), byCode);
        }, iter: Iterations);
    }
}
