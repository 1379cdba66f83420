using Invoicing.Approvals;
using Invoicing.Budgets;
using Invoicing.Planning;
using Invoicing.Web.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Invoicing.Web.Endpoints;

/// <summary><c>POST /api/schemes/{scheme}/years/{year}/budget/approve</c>: finance approves a draft budget as the budget meeting decided it (<see cref="BudgetApproval"/>).</summary>
public static class BudgetEndpoints
{
    public const int MaxBodyBytes = 2 * 1024;

    /// <summary>
    /// <c>{ "decidedOn": "2025-12-15", "reference": "Budgetmöte §4" }</c> → 200 with the approved budget's total; with four
    /// eyes on for the scheme 202 with the proposal, approved when another finance user confirms it; 400 for a missing
    /// or future date or reference; 404 for no such budget; 409 for a budget that is not a draft or cannot be allocated.
    /// </summary>
    public static async Task<Results<Ok<BudgetApprovalResponse>, Accepted<ProposalView>, ProblemHttpResult>> ApproveAsync(
        string scheme,
        string year,
        HttpRequest request,
        BudgetApproval approval,
        ChangeProposals proposals,
        IOptions<FourEyesOptions> fourEyes,
        CancellationToken cancellationToken)
    {
        if (CrossSiteRequests.IsCrossSite(request))
        {
            return CrossSiteRequests.Refusal();
        }

        if (!YearRoute.TryParse(scheme, year, out var route, out var problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        var (body, invalid) = await JsonRequests.ReadAsync<BudgetApprovalRequest>(
            request, MaxBodyBytes, "ett godkännande", "{ \"decidedOn\": \"2025-12-15\", \"reference\": \"Budgetmöte 2025-12-15 §4\" }", cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (!IsoDate.TryParse(body?.DecidedOn, out var decidedOn))
        {
            return ApiProblems.BadRequest("decidedOn krävs: datumet för budgetmötets beslut, yyyy-MM-dd.");
        }

        var reference = body?.Reference?.Trim() ?? "";
        if (reference.Length is 0 or > 200)
        {
            return ApiProblems.BadRequest("reference krävs, högst 200 tecken: protokollet eller beslutets nummer.");
        }

        var decision = new BudgetDecision(decidedOn, reference);
        try
        {
            if (fourEyes.Value.RequiredFor(route.Scheme))
            {
                return ProposalEndpoints.Waiting((await proposals.ProposeApprovalAsync(route.Scheme, route.Year, decision, cancellationToken)).Proposal);
            }

            var approved = await approval.ApproveAsync(route.Scheme, route.Year, decision, cancellationToken);
            return TypedResults.Ok(new BudgetApprovalResponse(route.Scheme.Value, route.Year, IsoDate.Format(decidedOn), reference, Kronor.From(approved.TotalIncome)));
        }
        catch (DateInFutureException e)
        {
            return ApiProblems.BadRequest(e);
        }
        catch (BudgetNotFoundException e)
        {
            return ApiProblems.NotFound(e);
        }
        catch (Exception e) when (e is BudgetStateException or BudgetValidationException)
        {
            return ApiProblems.Status(StatusCodes.Status409Conflict, "Budgeten kan inte godkännas.", (ISwedishMessage)e);
        }
    }
}
