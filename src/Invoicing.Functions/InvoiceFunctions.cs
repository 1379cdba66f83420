using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Payments;
using Invoicing.Reminders;
using Invoicing.Web;
using Invoicing.Web.Endpoints;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Invoicing.Functions;

/// <summary>A year's invoices and totals, one invoice, its PDF, e-invoice and reminders: routes only, the handlers are <see cref="InvoiceEndpoints"/>.</summary>
public sealed class InvoiceFunctions(
    BudgetStore budgets,
    InvoiceStore invoices,
    PaymentHistory payments,
    ReminderHistory reminders,
    InvoiceArchive archive,
    YearDocuments documents,
    InvoicePdfs pdfs,
    TimeProvider time)
{
    [Function("ListInvoices")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.YearInvoices)] HttpRequest request,
        string scheme,
        string year,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            InvoiceEndpoints.ListAsync(scheme, year, request.Query["status"], request.Query["overdue"], budgets, documents, time, cancellationToken));

    [Function("YearSummary")]
    public Task<IResult> SummaryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.YearSummary)] HttpRequest request,
        string scheme,
        string year,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            InvoiceEndpoints.SummaryAsync(scheme, year, budgets, documents, time, cancellationToken));

    [Function("GetInvoice")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.Invoice)] HttpRequest request,
        string scheme,
        string year,
        string number,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            InvoiceEndpoints.GetAsync(scheme, year, number, invoices, payments, reminders, time, cancellationToken));

    [Function("InvoicePdf")]
    public Task<IResult> PdfAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.InvoicePdf)] HttpRequest request,
        string scheme,
        string year,
        string number,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            InvoiceEndpoints.PdfAsync(scheme, year, number, documents, pdfs, cancellationToken));

    [Function("InvoiceUbl")]
    public Task<IResult> UblAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.InvoiceUbl)] HttpRequest request,
        string scheme,
        string year,
        string number,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            InvoiceEndpoints.UblAsync(scheme, year, number, invoices, archive, cancellationToken));

    [Function("ReminderPdf")]
    public Task<IResult> ReminderPdfAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.InvoiceReminderPdf)] HttpRequest request,
        string scheme,
        string year,
        string number,
        string level,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            InvoiceEndpoints.ReminderPdfAsync(scheme, year, number, level, invoices, reminders, archive, cancellationToken));
}
