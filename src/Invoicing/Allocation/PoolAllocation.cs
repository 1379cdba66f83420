using Invoicing.Budgets;
using Invoicing.Populations;

namespace Invoicing.Allocation;

/// <summary>
/// A shared line split among its participants, with the figures the split was made from: the population snapshot for a
/// pool or a per-capita line, none for an equal split.
/// </summary>
public sealed record PoolAllocation(SharedLine Line, PopulationSnapshot? Snapshot, IReadOnlyList<PoolShare> Shares)
{
    public long TotalPopulation => Shares.Sum(s => s.Population);

    public Money Total => Money.Sum(Shares.Select(s => s.Amount));

    /// <summary>Whether the shares follow population (a pool), so a population key is worth showing.</summary>
    public bool ByPopulation => Line is PopulationPoolLine;
}
