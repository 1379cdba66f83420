using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Reports;
using Invoicing.Web;
using Invoicing.Web.Endpoints;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Invoicing.Functions;

/// <summary>Reports read off a year's ledger: routes only, the handlers are <see cref="ReportEndpoints"/>.</summary>
public sealed class ReportFunctions(BudgetStore budgets, InvoiceStore invoices, Statements statements, StatementPdfRenderer renderer, TimeProvider time)
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

    [Function("PartyStatementPdf")]
    public Task<IResult> StatementPdfAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.PartyStatementPdf)] HttpRequest request,
        string scheme,
        string year,
        string party,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            ReportEndpoints.StatementPdfAsync(scheme, year, party, request.Query["asOf"].FirstOrDefault(), statements, renderer, time, cancellationToken));

    [Function("PartyStatementXlsx")]
    public Task<IResult> StatementXlsxAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.PartyStatementXlsx)] HttpRequest request,
        string scheme,
        string year,
        string party,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            ReportEndpoints.StatementXlsxAsync(scheme, year, party, request.Query["asOf"].FirstOrDefault(), statements, time, cancellationToken));
}
