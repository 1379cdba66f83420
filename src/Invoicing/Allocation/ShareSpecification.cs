using Invoicing.Budgets;
using Invoicing.Parties;

namespace Invoicing.Allocation;

/// <summary>
/// How one party's share of a budget came about, cut from the allocation its invoices come from: every shared line
/// the party takes part in, whole (the pool, its key and every participant's figures, the party's own included), and
/// the party's fixed contributions. One cut for every reader: the member's share on the API and the specification
/// the e-invoice carries, so the two cannot show different figures for the same invoice.
/// </summary>
public sealed record ShareSpecification(Party Party, IReadOnlyList<PoolAllocation> Pools, IReadOnlyList<FixedContribution> Fixed)
{
    /// <summary>The decision the figures stand on (the budget's, or the current revision's), when the reader knows it.</summary>
    public BudgetDecision? Decision { get; init; }

    /// <summary>The budget's revision the figures are of: 0 for the budget as first approved.</summary>
    public int Revision { get; init; }

    /// <summary>The party's part of each pool and its fixed contributions, in öre from the allocation itself.</summary>
    public Money Total => Money.Sum(Pools.Select(OwnShare).Select(s => s.Amount).Concat(Fixed.Select(f => f.Line.Amount)));

    /// <summary>The party's own part of a pool of <see cref="Pools"/>.</summary>
    public PoolShare OwnShare(PoolAllocation pool) => pool.Shares.Single(s => s.Party.Code == Party.Code);

    /// <summary>
    /// The party's cut of <paramref name="allocation"/>, in the allocation's order; null when the budget asks nothing of it
    /// (it is in no shared line and has no fixed contribution).
    /// </summary>
    public static ShareSpecification? Of(BudgetAllocation allocation, PartyCode party)
    {
        var pools = allocation.Pools.Where(p => p.Shares.Any(s => s.Party.Code == party)).ToArray();
        var fixedLines = allocation.FixedContributions.Where(f => f.Party.Code == party).ToArray();
        var known = pools.Select(p => p.Shares.First(s => s.Party.Code == party).Party).Concat(fixedLines.Select(f => f.Party)).FirstOrDefault();
        return known is null ? null : new ShareSpecification(known, pools, fixedLines);
    }
}
