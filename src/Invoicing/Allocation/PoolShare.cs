using Invoicing.Parties;

namespace Invoicing.Allocation;

/// <summary>One participant's part of a population pool.</summary>
public sealed record PoolShare(Party Party, long Population, Money Amount)
{
    /// <summary>The population key in tenths of a per cent, rounded half up (what the budget's "57,4 %" shows).</summary>
    public long KeyPerMille(long totalPopulation) => (Population * 2000 + totalPopulation) / (2 * totalPopulation);
}
