using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Planning;
using Invoicing.Web.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invoicing.Web.Endpoints;

/// <summary><c>GET /api/schemes/{scheme}/years/{year}/allocation</c>: the split the year's invoices come from.</summary>
public static class AllocationEndpoints
{
    /// <summary>
    /// Allocates the stored budget against the stored parties and populations. For an approved budget the result
    /// is checked against the fingerprint recorded at approval: if those tables changed since, the figures would
    /// not be the ones invoiced, and the answer is 409 instead of a table that looks right and is not.
    /// </summary>
    public static async Task<Results<Ok<AllocationView>, ProblemHttpResult>> GetAsync(
        string scheme,
        string year,
        BudgetStore budgets,
        InvoicePlanner planner,
        CancellationToken cancellationToken)
    {
        if (!YearRoute.TryParse(scheme, year, out var route, out var problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        var budget = await budgets.FindAsync(route.Scheme, route.Year, cancellationToken);
        if (budget is null)
        {
            return YearInvoices.NotFound(route);
        }

        var (allocation, conflict) = await AllocateAsync(route, budget, planner, cancellationToken);
        if (conflict is not null)
        {
            return conflict;
        }

        return TypedResults.Ok(AllocationView.From(allocation!));
    }

    /// <summary>
    /// The budget's allocation as its invoices were made from it, or the 409 to answer with: one that cannot be
    /// allocated, or an approved one whose inputs changed since approval. The members' share (<see cref="MemberEndpoints"/>)
    /// is this same allocation, so a member sees the figures finance sees.
    /// </summary>
    internal static async Task<(BudgetAllocation? Allocation, ProblemHttpResult? Conflict)> AllocateAsync(
        YearRoute route, Budget budget, InvoicePlanner planner, CancellationToken cancellationToken)
    {
        BudgetAllocation allocation;
        try
        {
            allocation = await planner.AllocateCurrentAsync(budget, cancellationToken);
        }
        catch (BudgetValidationException e)
        {
            return (null, ApiProblems.Status(StatusCodes.Status409Conflict, "Budgeten kan inte fördelas.", e));
        }

        if (budget.Status == BudgetStatus.Approved
            && !allocation.ToInvoicePlan().Matches(budget.ApprovedPlanFingerprint))
        {
            return (null, ApiProblems.Status(
                StatusCodes.Status409Conflict,
                "Fördelningen har ändrats sedan godkännandet.",
                $"Budget {route}: the parties or population tables changed what it invoices since it was approved, so today's allocation is not the one invoiced."));
        }

        return (allocation, null);
    }
}
