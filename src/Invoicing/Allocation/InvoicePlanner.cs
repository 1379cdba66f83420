using Invoicing.Budgets;
using Invoicing.Parties;
using Invoicing.Populations;

namespace Invoicing.Allocation;

/// <summary>Allocates a stored budget against the stored party and population tables.</summary>
public sealed class InvoicePlanner(PartyStore parties, PopulationStore populations)
{
    public async Task<BudgetAllocation> AllocateAsync(Budget budget, CancellationToken cancellationToken)
    {
        var allParties = await parties.GetAllAsync(cancellationToken);
        var snapshotIds = budget.Lines.OfType<PopulationPoolLine>().Select(l => l.PopulationSnapshotId);
        var snapshots = await populations.GetAsync(snapshotIds, cancellationToken);
        return BudgetAllocator.Allocate(budget, allParties, snapshots);
    }

    /// <summary>
    /// The plan of an approved budget, checked against the fingerprint recorded at approval: if a party or
    /// population row changed what the budget invoices since then, nothing is issued.
    /// </summary>
    public async Task<InvoicePlan> PlanApprovedAsync(Budget budget, CancellationToken cancellationToken)
    {
        budget.EnsureApproved();
        var plan = (await AllocateAsync(budget, cancellationToken)).ToInvoicePlan();
        var fingerprint = plan.Fingerprint();
        if (!string.Equals(fingerprint, budget.ApprovedPlanFingerprint, StringComparison.Ordinal))
        {
            throw new BudgetStateException(
                $"Budget {budget.Key}: the parties or population tables changed what it invoices since it was approved " +
                $"(approved plan {budget.ApprovedPlanFingerprint?[..12]}…, now {fingerprint[..12]}…). Nothing is issued; restore the approved figures or approve a corrected budget.");
        }

        return plan;
    }
}
