using Invoicing.Agreements;
using Invoicing.Budgets;
using Invoicing.Parties;
using Invoicing.Populations;

namespace Invoicing.Dataset;

/// <summary>
/// Loads a checked dataset into the tables, its budget as a draft. An approved budget is left exactly as
/// it is, with the population figures it was approved on: seeding never changes what has been decided. The
/// party table is still updated then: a corrected name, address or e-mail is how finance repairs a party
/// whose invoice could not be issued, which the next run then issues under the number already reserved for
/// it. A correction that would change an amount is caught by the approved plan's fingerprint: the run then
/// issues nothing for that budget.
/// Seeding a draft again replaces it: its lines, its agreements, and its members (<see cref="Budget.Members"/>): a
/// party left out of the files no longer shares a pool or pays a line of the draft, though its row stays in the
/// party table, which other schemes' budgets and already issued documents may name.
/// </summary>
public sealed class DatasetSeeder(PartyStore parties, PopulationStore populations, BudgetStore budgets, AgreementStore agreements, Audit.AuditTrail audit)
{
    public async Task<SeedOutcome> SeedAsync(Dataset dataset, CancellationToken cancellationToken)
    {
        var existing = await budgets.FindAsync(dataset.Budget.Scheme, dataset.Budget.Year, cancellationToken);
        if (existing is { Status: not BudgetStatus.Draft })
        {
            await parties.SaveAsync(dataset.Parties, cancellationToken);
            await RecordAsync(dataset, "budget already approved: party details updated, budget and populations left as they are", cancellationToken);
            return SeedOutcome.BudgetAlreadyApproved;
        }

        await parties.SaveAsync(dataset.Parties, cancellationToken);
        foreach (var snapshot in dataset.Snapshots)
        {
            await populations.SaveAsync(snapshot, cancellationToken);
        }

        // Before the draft: a budget whose pools follow agreements is never visible without them.
        await agreements.ReplaceAsync(dataset.Budget.Scheme, dataset.Budget.Year, dataset.Agreements, cancellationToken);
        await budgets.SaveDraftAsync(dataset.Budget with { Members = dataset.Parties.Select(p => p.Code).ToHashSet() }, cancellationToken);
        await RecordAsync(
            dataset,
            $"draft saved: {dataset.Parties.Count} parties, {dataset.Snapshots.Count} population snapshots, {dataset.Budget.Lines.Count} budget lines",
            cancellationToken);
        return SeedOutcome.Seeded;
    }

    /// <summary>Each seed is a change of its own (a person ran it): keyed by a new id, recorded every time.</summary>
    private Task<bool> RecordAsync(Dataset dataset, string what, CancellationToken cancellationToken) =>
        audit.RecordAsync(
            new Audit.AuditEntry($"seed:{dataset.Budget.Scheme}:{dataset.Budget.Year}:{Guid.NewGuid():N}", Audit.AuditActions.DatasetSeeded, what)
            {
                Scheme = dataset.Budget.Scheme,
                Year = dataset.Budget.Year,
            },
            cancellationToken);
}

public enum SeedOutcome
{
    Seeded,
    BudgetAlreadyApproved,
}
