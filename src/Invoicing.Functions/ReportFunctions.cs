using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Web;
using Invoicing.Web.Endpoints;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Invoicing.Functions;

/// <summary>Reports read off a year's ledger: routes only, the handlers are <see cref="ReportEndpoints"/>.</summary>
public sealed class ReportFunctions(BudgetStore budgets, InvoiceStore invoices, TimeProvider time)
{
    [Function("AgingReport")]
    public Task<IResult> AgingAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.YearAging)] HttpRequest request,
        string scheme,
        string year,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            ReportEndpoints.AgingAsync(scheme, year, request.Query["asOf"].FirstOrDefault(), budgets, invoices, time, cancellationToken));

    [Function("AgingXlsx")]
    public Task<IResult> AgingXlsxAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.YearAgingXlsx)] HttpRequest request,
        string scheme,
        string year,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            ReportEndpoints.AgingXlsxAsync(scheme, year, request.Query["asOf"].FirstOrDefault(), budgets, invoices, time, cancellationToken));
}
