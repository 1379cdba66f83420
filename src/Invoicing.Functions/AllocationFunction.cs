using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Planning;
using Invoicing.Web;
using Invoicing.Web.Endpoints;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Invoicing.Functions;

/// <summary>The allocation a year's invoices come from (<see cref="AllocationEndpoints"/>).</summary>
public sealed class AllocationFunction(BudgetStore budgets, InvoicePlanner planner)
{
    [Function("Allocation")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.YearAllocation)] HttpRequest request,
        string scheme,
        string year,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            AllocationEndpoints.GetAsync(scheme, year, budgets, planner, cancellationToken));
}
