using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Invoices;

namespace Invoicing.Planning;

/// <summary>
/// Approves a draft budget after the budget meeting. The budget is allocated first, so a budget that
/// cannot be invoiced (unknown party, missing population…) is refused at approval, not at the next run.
/// </summary>
public sealed class BudgetApproval(BudgetStore budgets, InvoicePlanner planner, TimeProvider time)
{
    /// <summary>Records the decision; one dated after today is refused, since a decision cannot lie in the future.</summary>
    public Task<Budget> ApproveAsync(SchemeId scheme, int year, BudgetDecision decision, CancellationToken cancellationToken)
    {
        decision.EnsureTaken($"{scheme} {year}", time);
        return budgets.ApproveAsync(
            scheme,
            year,
            decision,
            async (draft, ct) => planner.Plan(await planner.AllocateAsync(draft, ct)).Fingerprint(),
            cancellationToken);
    }
}
