using Invoicing.Budgets;
using Invoicing.Populations;

namespace Invoicing.Allocation;

/// <summary>A pool split among its participants, with the figures the split was made from.</summary>
public sealed record PoolAllocation(PopulationPoolLine Line, PopulationSnapshot Snapshot, IReadOnlyList<PoolShare> Shares)
{
    public long TotalPopulation => Shares.Sum(s => s.Population);

    public Money Total => Money.Sum(Shares.Select(s => s.Amount));
}
