using Invoicing.Accounting;
using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Web;
using Invoicing.Web.Endpoints;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Invoicing.Functions;

/// <summary>A year's invoices as one streamed ZIP, as the ledger CSV and as SIE 4 vouchers (<see cref="ExportEndpoints"/>).</summary>
public sealed class ExportFunctions(BudgetStore budgets, InvoiceStore invoices, InvoiceArchive archive, SieExport sie, TimeProvider time)
{
    [Function("InvoicesZip")]
    public Task<IResult> ZipAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", Route = ApiRoutes.YearInvoicesZip)] HttpRequest request,
        string scheme,
        string year,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            ExportEndpoints.ZipAsync(scheme, year, budgets, invoices, archive, cancellationToken));

    [Function("EInvoicesZip")]
    public Task<IResult> EInvoicesZipAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", Route = ApiRoutes.YearEInvoicesZip)] HttpRequest request,
        string scheme,
        string year,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            ExportEndpoints.EInvoicesZipAsync(scheme, year, budgets, invoices, archive, cancellationToken));

    [Function("LedgerCsv")]
    public Task<IResult> LedgerAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", Route = ApiRoutes.YearLedgerCsv)] HttpRequest request,
        string scheme,
        string year,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            ExportEndpoints.LedgerAsync(scheme, year, budgets, invoices, time, cancellationToken));

    [Function("SieExport")]
    public Task<IResult> SieAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", Route = ApiRoutes.YearExportSie)] HttpRequest request,
        string scheme,
        string year,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            ExportEndpoints.SieAsync(scheme, year, request.Query["from"].FirstOrDefault(), request.Query["to"].FirstOrDefault(), budgets, sie, time, cancellationToken));
}
