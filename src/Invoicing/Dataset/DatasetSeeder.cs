using Invoicing.Budgets;
using Invoicing.Parties;
using Invoicing.Populations;

namespace Invoicing.Dataset;

/// <summary>
/// Loads a checked dataset into the tables, its budget as a draft. An approved budget is left exactly as
/// it is, with the tables it was approved on: seeding never changes what has been decided.
/// </summary>
public sealed class DatasetSeeder(PartyStore parties, PopulationStore populations, BudgetStore budgets)
{
    public async Task<SeedOutcome> SeedAsync(Dataset dataset, CancellationToken cancellationToken)
    {
        var existing = await budgets.FindAsync(dataset.Budget.Scheme, dataset.Budget.Year, cancellationToken);
        if (existing is { Status: not BudgetStatus.Draft })
        {
            return SeedOutcome.BudgetAlreadyApproved;
        }

        await parties.SaveAsync(dataset.Parties, cancellationToken);
        foreach (var snapshot in dataset.Snapshots)
        {
            await populations.SaveAsync(snapshot, cancellationToken);
        }

        await budgets.SaveDraftAsync(dataset.Budget, cancellationToken);
        return SeedOutcome.Seeded;
    }
}

public enum SeedOutcome
{
    Seeded,
    BudgetAlreadyApproved,
}
