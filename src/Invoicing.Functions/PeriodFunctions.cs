using Invoicing.Approvals;
using Invoicing.Issuers;
using Invoicing.Periods;
using Invoicing.Planning;
using Invoicing.Web;
using Invoicing.Web.Endpoints;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Invoicing.Functions;

/// <summary>Closed months of the books and a budget's approval (<see cref="PeriodEndpoints"/>, <see cref="BudgetEndpoints"/>): four eyes where the scheme asks for them.</summary>
public sealed class PeriodFunctions(
    AccountingPeriods periods, IssuerDirectory issuers, ChangeProposals proposals, BudgetApproval approval, IOptions<FourEyesOptions> fourEyes)
{
    [Function("ListPeriods")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.Periods)] HttpRequest request,
        string scheme,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () => PeriodEndpoints.ListAsync(scheme, periods, issuers, cancellationToken));

    [Function("ClosePeriod")]
    public Task<IResult> CloseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "POST", Route = ApiRoutes.PeriodClose)] HttpRequest request,
        string scheme,
        string month,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Finance, () => PeriodEndpoints.CloseAsync(scheme, month, request, periods, issuers, cancellationToken));

    [Function("ReopenPeriod")]
    public Task<IResult> ReopenAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "POST", Route = ApiRoutes.PeriodReopen)] HttpRequest request,
        string scheme,
        string month,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(
            request.HttpContext, InvoicingPolicies.Finance, () => PeriodEndpoints.ReopenAsync(scheme, month, request, periods, issuers, proposals, fourEyes, cancellationToken));

    [Function("ApproveBudget")]
    public Task<IResult> ApproveBudgetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "POST", Route = ApiRoutes.BudgetApprove)] HttpRequest request,
        string scheme,
        string year,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(
            request.HttpContext, InvoicingPolicies.Finance, () => BudgetEndpoints.ApproveAsync(scheme, year, request, approval, proposals, fourEyes, cancellationToken));
}
