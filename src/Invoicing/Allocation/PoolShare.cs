using Invoicing.Parties;

namespace Invoicing.Allocation;

/// <summary>One participant's part of a shared line (population 0 for an equal split, which reads none).</summary>
public sealed record PoolShare(Party Party, long Population, Money Amount)
{
    /// <summary>A pool's base fee, included in <see cref="Amount"/>.</summary>
    public Money? BaseFee { get; init; }

    /// <summary>Whether the pool's cap or floor set the share.</summary>
    public PoolSplit.Bound Bound { get; init; }

    /// <summary>A per-capita line's rate for this party (kronor per inhabitant).</summary>
    public Money? Rate { get; init; }

    /// <summary>The population key in tenths of a per cent, rounded half up (what the budget's "57,4 %" shows).</summary>
    public long KeyPerMille(long totalPopulation) => totalPopulation == 0 ? 0 : (Population * 2000 + totalPopulation) / (2 * totalPopulation);
}
