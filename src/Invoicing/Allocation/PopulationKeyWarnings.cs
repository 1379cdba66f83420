namespace Invoicing.Allocation;

/// <summary>
/// What a reader of the budget must be told about its population keys: pools counted on different dates are
/// not comparable (BILAGA 1 of 2026 mixed SCB's 31 Dec 2024 figures with later 2025 ones under one label).
/// </summary>
public static class PopulationKeyWarnings
{
    public static IReadOnlyList<string> For(BudgetAllocation allocation)
    {
        var dates = allocation.Pools.Where(p => p.Snapshot is not null).GroupBy(p => p.Snapshot!.ReferenceDate).OrderBy(g => g.Key).ToArray();
        if (dates.Length <= 1)
        {
            return [];
        }

        return [
            "the pools' population figures come from different dates: " +
            string.Join("; ", dates.Select(g => $"{SwedishFormat.Date(g.Key)} for {string.Join(", ", g.Select(p => p.Line.Text))}")) +
            ". Split every pool by figures of one date (population import --scb, docs/populations.md).",
        ];
    }
}
