using Invoicing.Accounting;
using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Web;
using Invoicing.Web.Endpoints;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Invoicing.Functions;

/// <summary>A year's invoices as one streamed ZIP and as the ledger CSV, and a period's vouchers as SIE 4I (<see cref="ExportEndpoints"/>).</summary>
public sealed class ExportFunctions(BudgetStore budgets, InvoiceStore invoices, InvoiceArchive archive, SieExport sie, IssuerDirectory issuers, TimeProvider time)
{
    [Function("InvoicesZip")]
    public Task<IResult> ZipAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.YearInvoicesZip)] HttpRequest request,
        string scheme,
        string year,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            ExportEndpoints.ZipAsync(scheme, year, budgets, invoices, archive, cancellationToken));

    [Function("EInvoicesZip")]
    public Task<IResult> EInvoicesZipAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.YearEInvoicesZip)] HttpRequest request,
        string scheme,
        string year,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            ExportEndpoints.EInvoicesZipAsync(scheme, year, budgets, invoices, archive, cancellationToken));

    [Function("LedgerCsv")]
    public Task<IResult> LedgerAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.YearLedgerCsv)] HttpRequest request,
        string scheme,
        string year,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            ExportEndpoints.LedgerAsync(scheme, year, budgets, invoices, time, cancellationToken));

    [Function("LedgerXlsx")]
    public Task<IResult> LedgerXlsxAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.YearLedgerXlsx)] HttpRequest request,
        string scheme,
        string year,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            ExportEndpoints.LedgerXlsxAsync(scheme, year, budgets, invoices, time, cancellationToken));

    [Function("SieExport")]
    public Task<IResult> SieAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.YearExportSie)] HttpRequest request,
        string scheme,
        string year,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            ExportEndpoints.SieAsync(scheme, year, request.Query["from"].FirstOrDefault(), request.Query["to"].FirstOrDefault(), budgets, sie, issuers, time, cancellationToken));

    [Function("PeriodSieExport")]
    public Task<IResult> PeriodSieAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.ExportSie)] HttpRequest request,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            ExportEndpoints.PeriodSieAsync(
                request.Query["from"].FirstOrDefault(), request.Query["to"].FirstOrDefault(), request.Query["year"].FirstOrDefault(), request.Query["scheme"].FirstOrDefault(),
                sie, issuers, time, cancellationToken));
}
