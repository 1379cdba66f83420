using Invoicing.Allocation;
using Invoicing.Audit;
using Invoicing.Budgets;
using Invoicing.Invoices;

namespace Invoicing.Planning;

/// <summary>
/// Approves a draft budget after the budget meeting. The budget is allocated first, so a budget that
/// cannot be invoiced (unknown party, missing population…) is refused at approval, not at the next run.
/// </summary>
public sealed class BudgetApproval(BudgetStore budgets, InvoicePlanner planner, AuditTrail audit, TimeProvider time)
{
    /// <summary>
    /// Checks an approval by the rules <see cref="ApproveAsync"/> makes it by, and writes nothing: an approval proposed for
    /// a second person's confirmation is refused now, in the same words, rather than at the confirmation.
    /// </summary>
    /// <exception cref="BudgetNotFoundException">No such budget.</exception>
    /// <exception cref="BudgetStateException">It is not a draft.</exception>
    public async Task CheckAsync(SchemeId scheme, int year, BudgetDecision decision, CancellationToken cancellationToken)
    {
        decision.EnsureTaken($"{scheme} {year}", time);
        var draft = await budgets.GetAsync(scheme, year, cancellationToken);
        draft.Approve(decision, planner.Plan(await planner.AllocateAsync(draft, cancellationToken)).Fingerprint());
    }

    /// <summary>The audit trail's key of a budget's approval: where who approved it is found.</summary>
    public static string AuditKey(SchemeId scheme, int year) => $"approve:{scheme}:{year}";

    /// <summary>Records the decision; one dated after today is refused, since a decision cannot lie in the future.</summary>
    public async Task<Budget> ApproveAsync(SchemeId scheme, int year, BudgetDecision decision, CancellationToken cancellationToken)
    {
        decision.EnsureTaken($"{scheme} {year}", time);
        var approved = await budgets.ApproveAsync(
            scheme,
            year,
            decision,
            async (draft, ct) => planner.Plan(await planner.AllocateAsync(draft, ct)).Fingerprint(),
            cancellationToken);
        await audit.RecordAsync(
            new AuditEntry(AuditKey(scheme, year), AuditActions.BudgetApproved,
                $"decided {IsoDate.Format(decision.DecidedOn)} ({decision.Reference}); income {approved.TotalIncome.ToInvariantString()} SEK, costs {approved.TotalCosts.ToInvariantString()} SEK")
            {
                Scheme = scheme,
                Year = year,
                Amount = approved.TotalIncome,
            },
            cancellationToken);
        return approved;
    }
}
