using Invoicing.Allocation;
using Invoicing.Invoices;

namespace Invoicing.Budgets;

/// <summary>
/// Approves a draft budget after the budget meeting. The budget is allocated first, so a budget that
/// cannot be invoiced (unknown party, missing population…) is refused at approval, not at the next run.
/// </summary>
public sealed class BudgetApproval(BudgetStore budgets, InvoicePlanner planner, TimeProvider time)
{
    /// <summary>Records the decision; one dated after today is refused, since a decision cannot lie in the future.</summary>
    public Task<Budget> ApproveAsync(SchemeId scheme, int year, BudgetDecision decision, CancellationToken cancellationToken)
    {
        var today = SwedishCalendar.Today(time);
        if (decision.DecidedOn > today)
        {
            throw new DateInFutureException(
                $"{scheme} {year}: the decision date {IsoDate.Format(decision.DecidedOn)} is after today ({IsoDate.Format(today)}); approve a budget once it has been decided.");
        }

        return budgets.ApproveAsync(
            scheme,
            year,
            decision,
            async (draft, ct) => (await planner.AllocateAsync(draft, ct)).ToInvoicePlan().Fingerprint(),
            cancellationToken);
    }
}
