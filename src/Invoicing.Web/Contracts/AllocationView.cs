using Invoicing.Allocation;

namespace Invoicing.Web.Contracts;

/// <summary>The allocation a budget's invoices come from: each pool with its population key and shares, and the fixed contributions.</summary>
public sealed record AllocationView(string Scheme, int Year, string SchemeName, string BudgetStatus, IReadOnlyList<AllocationView.Pool> Pools, IReadOnlyList<AllocationView.FixedLine> Fixed)
{
    public static AllocationView From(BudgetAllocation allocation) => new(
        allocation.Budget.Scheme.Value,
        allocation.Budget.Year,
        allocation.Budget.SchemeName,
        allocation.Budget.Status.ToString(),
        [.. allocation.Pools.Select(PoolOf)],
        [.. allocation.FixedContributions.Select(FixedLineOf)]);

    /// <summary>A pool as the API shows it, for the whole allocation and for a member's share alike.</summary>
    public static Pool PoolOf(PoolAllocation pool) => new(
        pool.Line.Number,
        pool.Line.Text,
        Kronor.From(pool.Line.Amount),
        pool.Snapshot?.Source,
        pool.Snapshot?.ReferenceDate,
        pool.TotalPopulation,
        [.. pool.Shares.Select(share => ShareOf(pool, share))])
    {
        Key = pool.Line switch
        {
            Budgets.PerCapitaLine => "perCapita",
            Budgets.EqualSplitLine => "equalSplit",
            _ => "population",
        },
    };

    public static Share ShareOf(PoolAllocation pool, PoolShare share) => new(
        share.Party.Code.Value,
        share.Party.Name,
        share.Population,
        share.KeyPerMille(pool.TotalPopulation) * 0.1m,
        Kronor.From(share.Amount));

    public static FixedLine FixedLineOf(FixedContribution f) => new(f.Line.Number, f.Line.Text, f.Party.Code.Value, f.Party.Name, Kronor.From(f.Line.Amount));

    /// <summary>
    /// A shared line; <c>key</c> is <c>population</c> (a pool), <c>perCapita</c> or <c>equalSplit</c>; <c>source</c> and
    /// <c>referenceDate</c> name the population table it was split by (null for an equal split, which reads none).
    /// </summary>
    public sealed record Pool(int Line, string Text, decimal Amount, string? Source, DateOnly? ReferenceDate, long TotalPopulation, IReadOnlyList<Share> Shares)
    {
        public string Key { get; init; } = "population";
    }

    /// <summary>A party's share; <c>keyPercent</c> is its population key to one decimal, as the budget shows it (57.4).</summary>
    public sealed record Share(string Code, string Name, long Population, decimal KeyPercent, decimal Amount);

    public sealed record FixedLine(int Line, string Text, string Code, string Name, decimal Amount);
}
