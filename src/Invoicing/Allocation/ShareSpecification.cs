using Invoicing.Budgets;
using Invoicing.Parties;

namespace Invoicing.Allocation;

/// <summary>
/// How one party's share of a budget came about, cut from the allocation its invoices come from: every shared line
/// the party takes part in, whole (the pool, its key and every participant's figures, the party's own included), and
/// the party's fixed contributions. One cut for every reader: the member's share on the API and the specification
/// the e-invoice carries, so the two cannot show different figures for the same invoice.
/// </summary>
public sealed record ShareSpecification
{
    /// <summary>A cut of the given pools and fixed contributions; the party's own share of each pool is found here, once.</summary>
    public ShareSpecification(Party party, IReadOnlyList<PoolAllocation> pools, IReadOnlyList<FixedContribution> @fixed)
        : this(party, pools, [.. pools.Select(pool => pool.Shares.Single(s => s.Party.Code == party.Code))], @fixed)
    {
    }

    // The index passes the own shares it met on its one pass, so no pool is searched again.
    private ShareSpecification(Party party, IReadOnlyList<PoolAllocation> pools, IReadOnlyList<PoolShare> ownShares, IReadOnlyList<FixedContribution> @fixed) =>
        (Party, Pools, OwnShares, Fixed) = (party, pools, ownShares, @fixed);

    public Party Party { get; }

    /// <summary>Every shared line the party takes part in, whole, in the allocation's order.</summary>
    public IReadOnlyList<PoolAllocation> Pools { get; }

    /// <summary>The party's own part of each of <see cref="Pools"/>, in the same order.</summary>
    public IReadOnlyList<PoolShare> OwnShares { get; }

    /// <summary>The party's fixed contributions, in the allocation's order.</summary>
    public IReadOnlyList<FixedContribution> Fixed { get; }

    /// <summary>The decision the figures stand on (the budget's, or the current revision's), when the reader knows it.</summary>
    public BudgetDecision? Decision { get; init; }

    /// <summary>The budget's revision the figures are of: 0 for the budget as first approved.</summary>
    public int Revision { get; init; }

    /// <summary>The party's part of each pool and its fixed contributions, in öre from the allocation itself.</summary>
    public Money Total => Money.Sum(OwnShares.Select(s => s.Amount).Concat(Fixed.Select(f => f.Line.Amount)));

    /// <summary>
    /// The party's own part of a pool of <see cref="Pools"/>: kept from the cut, so a pool of thousands of members is
    /// not searched for it on every call (a party takes part in a few pools, so finding the pool is cheap).
    /// </summary>
    public PoolShare OwnShare(PoolAllocation pool)
    {
        for (var i = 0; i < Pools.Count; i++)
        {
            if (ReferenceEquals(Pools[i], pool))
            {
                return OwnShares[i];
            }
        }

        return pool.Shares.Single(s => s.Party.Code == Party.Code);
    }

    /// <summary>
    /// The party's cut of <paramref name="allocation"/>, in the allocation's order; null when the budget asks nothing of it
    /// (it is in no shared line and has no fixed contribution).
    /// </summary>
    public static ShareSpecification? Of(BudgetAllocation allocation, PartyCode party) => Index(allocation).GetValueOrDefault(party);

    /// <summary>
    /// Every party's cut of <paramref name="allocation"/>, each as <see cref="Of"/> gives it, from one pass over its pools
    /// and fixed contributions: cutting each party's alone would read every pool's every share once per party, which
    /// grows with members squared (a pool of 3 100 members, docs/performance.md).
    /// </summary>
    public static IReadOnlyDictionary<PartyCode, ShareSpecification> Index(BudgetAllocation allocation)
    {
        var cuts = new Dictionary<PartyCode, Cut>();
        Cut CutOf(Party party) => cuts.TryGetValue(party.Code, out var cut) ? cut : cuts[party.Code] = new Cut(party);

        foreach (var pool in allocation.Pools)
        {
            foreach (var share in pool.Shares)
            {
                var cut = CutOf(share.Party);
                // A party is in a pool once; should it be listed twice, the pool is still cut once and its first share kept.
                if (cut.Pools.Count == 0 || !ReferenceEquals(cut.Pools[^1], pool))
                {
                    cut.Pools.Add(pool);
                    cut.OwnShares.Add(share);
                }
            }
        }

        foreach (var contribution in allocation.FixedContributions)
        {
            CutOf(contribution.Party).Fixed.Add(contribution);
        }

        return cuts.ToDictionary(c => c.Key, c => new ShareSpecification(c.Value.Party, [.. c.Value.Pools], [.. c.Value.OwnShares], [.. c.Value.Fixed]));
    }

    /// <summary>A party's cut while the index is made: the party as first met (a pool's share before a fixed line's).</summary>
    private sealed record Cut(Party Party)
    {
        public List<PoolAllocation> Pools { get; } = [];

        public List<PoolShare> OwnShares { get; } = [];

        public List<FixedContribution> Fixed { get; } = [];
    }
}
