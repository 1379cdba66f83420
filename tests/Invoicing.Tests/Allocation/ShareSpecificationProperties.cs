using CsCheck;
using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Parties;
using Invoicing.Tests.Builders;

namespace Invoicing.Tests.Allocation;

/// <summary>
/// Every party's cut of an allocation is made from one index (<see cref="ShareSpecification.Index"/>), so a pool of
/// thousands of members is read once, not once per member. On generated allocations (pools by population with and
/// without terms, equal splits, per-capita lines, fixed contributions, parties in several lines or in none) the cut is
/// what its definition says: the pools the party takes part in, whole and in order, its own share of each, its fixed
/// contributions in order, and nothing for a party the budget asks nothing of.
/// </summary>
public sealed class ShareSpecificationProperties
{
    private const long Iterations = 500;

    /// <summary>Populations of up to 12 municipalities, the members of up to four pools and an equal split (bit masks), pool terms, fixed contributions' parties.</summary>
    internal static readonly Gen<BudgetAllocation> Allocations =
        Gen.Select(Gen.Long[1, 2_000_000].Array[1, 12], Gen.Int[0, 4095].Array[0, 4], Gen.Int[0, 7], Gen.Int[0, 4095], Gen.Int[0, 13].Array[0, 4], Gen.Bool)
            .Select((populations, poolMasks, terms, equalMask, fixedParties, perCapita) =>
            {
                var builder = new BudgetBuilder().WithAgency("AG-1", "Myndighet med fast bidrag").WithAgency("AG-2", "Myndighet utan andel");
                var codes = populations.Select((_, i) => $"01{i + 10:D2}").ToArray();
                for (var i = 0; i < codes.Length; i++)
                {
                    builder.WithMunicipality(codes[i], i == 1 ? "=Kommun; \"norra\"" : $"Kommun {i}", "01", populations[i]);
                }

                string[] Members(int mask) => codes.Where((_, i) => (mask & (1 << i)) != 0).DefaultIfEmpty(codes[0]).ToArray();
                foreach (var (mask, index) in poolMasks.Select((m, i) => (m, i)))
                {
                    var members = Members(mask);
                    var amount = Money.FromKronor(100_000 + (index * 12_345));
                    builder.WithLine(number => new PopulationPoolLine(
                        number, $"Pool {index}", amount, new PoolParticipants.Listed([.. members.Select(c => new PartyCode(c))]), BudgetBuilder.DefaultSnapshot, PopulationPoolLine.DefaultAllocationUnit)
                    {
                        BaseFee = (terms & 1) != 0 ? Money.FromKronor(1_000) : null,
                        Cap = (terms & 2) != 0 ? Money.FromKronor(amount.Ore / 100 * 2 / members.Length) : null,
                        Floor = (terms & 4) != 0 ? Money.FromKronor(amount.Ore / 100 / (2 * members.Length)) : null,
                    });
                }

                var equal = Members(equalMask);
                builder.WithLine(number => new EqualSplitLine(number, "Lika delar", Money.FromKronor(30_000), new PoolParticipants.Listed([.. equal.Select(c => new PartyCode(c))])));
                if (perCapita)
                {
                    builder.WithLine(number => new PerCapitaLine(
                        number, "Per invånare", Money.Zero, new PoolParticipants.CountyMunicipalities(new CountyCode("01")), BudgetBuilder.DefaultSnapshot, PerCapitaRates.Flat(new Money(150))));
                }

                foreach (var index in fixedParties)
                {
                    builder.WithFixedContribution(index < codes.Length ? codes[index] : "AG-1", 5_000 + index);
                }

                return builder.Allocate();
            });

    [Fact]
    public void Every_party_s_cut_from_the_index_is_the_cut_as_defined_pool_by_pool_and_line_by_line()
    {
        Allocations.Sample(
            allocation =>
            {
                var index = ShareSpecification.Index(allocation);
                var parties = allocation.Pools.SelectMany(p => p.Shares.Select(s => s.Party.Code))
                    .Concat(allocation.FixedContributions.Select(f => f.Party.Code))
                    .Append(new PartyCode("AG-2"))
                    .Distinct();
                foreach (var party in parties)
                {
                    var defined = AsDefined(allocation, party);
                    var cut = index.GetValueOrDefault(party);
                    Assert.Equal(defined is null, cut is null);
                    Assert.Equal(defined is null, ShareSpecification.Of(allocation, party) is null);
                    if (defined is null || cut is null)
                    {
                        continue;
                    }

                    Assert.Same(defined.Party, cut.Party);
                    AssertSame(defined.Pools, cut.Pools);
                    AssertSame(defined.Fixed, cut.Fixed);
                    AssertSame(cut.Pools.Select(pool => pool.Shares.Single(s => s.Party.Code == party)), cut.OwnShares);
                    Assert.All(cut.Pools, pool => Assert.Same(pool.Shares.Single(s => s.Party.Code == party), cut.OwnShare(pool)));
                    Assert.Equal(defined.Total, cut.Total);
                }

                Assert.False(index.ContainsKey(new PartyCode("AG-2")));
            },
            iter: Iterations);
    }

    [Fact]
    public void Each_planned_invoice_carries_its_party_s_cut_and_the_cut_adds_up_to_the_invoice()
    {
        Allocations.Sample(
            allocation =>
            {
                var plan = allocation.ToInvoicePlan();
                foreach (var invoice in plan.Invoices)
                {
                    var defined = AsDefined(allocation, invoice.Debtor.Code)!;
                    AssertSame(defined.Pools, invoice.Specification!.Pools);
                    AssertSame(defined.Fixed, invoice.Specification.Fixed);
                    Assert.Equal(invoice.Net, invoice.Specification.Total);
                }
            },
            iter: Iterations);
    }

    [Fact]
    public void The_own_share_of_a_pool_the_cut_does_not_hold_itself_is_found_by_the_party_s_code()
    {
        var allocation = BudgetBuilder.Vastmanland().WithCountyPool("19", 75_000).Allocate();
        var sala = ShareSpecification.Of(allocation, new PartyCode("1981"))!;
        var copy = sala.Pools[0] with { };

        Assert.Same(sala.OwnShares[0], sala.OwnShare(copy));
    }

    private static void AssertSame<T>(IEnumerable<T> expected, IEnumerable<T> actual)
        where T : class =>
        Assert.True(expected.SequenceEqual(actual, ReferenceEqualityComparer.Instance), "not the same objects in the same order");

    /// <summary>The cut as first written: every pool the party has a share in, and its fixed contributions, each searched for it.</summary>
    private static ShareSpecification? AsDefined(BudgetAllocation allocation, PartyCode party)
    {
        var pools = allocation.Pools.Where(p => p.Shares.Any(s => s.Party.Code == party)).ToArray();
        var fixedLines = allocation.FixedContributions.Where(f => f.Party.Code == party).ToArray();
        var known = pools.Select(p => p.Shares.First(s => s.Party.Code == party).Party).Concat(fixedLines.Select(f => f.Party)).FirstOrDefault();
        return known is null ? null : new ShareSpecification(known, pools, fixedLines);
    }
}
