using Invoicing.Allocation;

namespace Invoicing.Budgets;

/// <summary>
/// Approves a draft budget after the budget meeting. The budget is allocated first, so a budget that
/// cannot be invoiced (unknown party, missing population…) is refused at approval, not at the next run.
/// </summary>
public sealed class BudgetApproval(BudgetStore budgets, InvoicePlanner planner)
{
    public Task<Budget> ApproveAsync(SchemeId scheme, int year, BudgetDecision decision, CancellationToken cancellationToken) =>
        budgets.ApproveAsync(
            scheme,
            year,
            decision,
            async (draft, ct) => planner.Plan(await planner.AllocateAsync(draft, ct)).Fingerprint(),
            cancellationToken);
}
