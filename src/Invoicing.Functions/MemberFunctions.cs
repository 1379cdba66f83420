using Invoicing.Audit;
using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Planning;
using Invoicing.Web;
using Invoicing.Web.Endpoints;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Invoicing.Functions;

/// <summary>
/// A member municipality's routes: routes only, the handlers are <see cref="MemberEndpoints"/>. The party is read from
/// the client principal <see cref="EndpointAccess"/> has checked, so the handler runs only for a member with one party.
/// </summary>
public sealed class MemberFunctions(
    BudgetStore budgets, InvoiceStore invoices, YearDocuments documents, InvoicePdfs pdfs, InvoicePlanner planner, AuditTrail audit, Reports.Statements statements, Reports.StatementPdfRenderer renderer, TimeProvider time)
{
    [Function("MemberInvoices")]
    public Task<IResult> InvoicesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.MemberYearInvoices)] HttpRequest request,
        string scheme,
        string year,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Member, () =>
            MemberEndpoints.InvoicesAsync(scheme, year, request.HttpContext.User, budgets, invoices, time, cancellationToken));

    [Function("MemberShare")]
    public Task<IResult> ShareAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.MemberYearShare)] HttpRequest request,
        string scheme,
        string year,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Member, () =>
            MemberEndpoints.ShareAsync(scheme, year, request.HttpContext.User, budgets, planner, audit, cancellationToken));

    [Function("MemberInvoicePdf")]
    public Task<IResult> PdfAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.MemberInvoicePdf)] HttpRequest request,
        string scheme,
        string year,
        string number,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Member, () =>
            MemberEndpoints.PdfAsync(scheme, year, number, request.HttpContext.User, documents, pdfs, cancellationToken));

    [Function("MemberStatementPdf")]
    public Task<IResult> StatementPdfAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.MemberYearStatementPdf)] HttpRequest request,
        string scheme,
        string year,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Member, () =>
            MemberEndpoints.StatementPdfAsync(scheme, year, request.Query["asOf"].FirstOrDefault(), request.HttpContext.User, statements, renderer, time, cancellationToken));
}
