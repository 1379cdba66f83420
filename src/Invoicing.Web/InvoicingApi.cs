using Invoicing.Web.Endpoints;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Invoicing.Web;

/// <summary>
/// Finance's API under <c>/api</c> (see docs/api.md). Every route needs an identity with a role; changes need
/// <see cref="InvoicingRoles.Finance"/>. The Functions app maps the same handlers to HTTP triggers.
/// </summary>
public static class InvoicingApi
{
    public static IEndpointRouteBuilder MapInvoicingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(InvoicingPolicies.Reader);
        api.MapGet("/me", MeEndpoints.Get);
        api.MapPost("/bank-files", BankFileEndpoints.ImportAsync).RequireAuthorization(InvoicingPolicies.Finance);

        var year = api.MapGroup("/schemes/{scheme}/years/{year}");
        year.MapGet("/invoices", InvoiceEndpoints.ListAsync);
        year.MapGet("/summary", InvoiceEndpoints.SummaryAsync);
        year.MapGet("/allocation", AllocationEndpoints.GetAsync);
        year.MapGet("/invoices.zip", ExportEndpoints.ZipAsync);
        year.MapGet("/einvoices.zip", ExportEndpoints.EInvoicesZipAsync);
        year.MapGet("/ledger.csv", ExportEndpoints.LedgerAsync);

        var invoice = api.MapGroup("/invoices/{scheme}/{year}/{number}");
        invoice.MapGet("/", InvoiceEndpoints.GetAsync);
        invoice.MapGet("/pdf", InvoiceEndpoints.PdfAsync);
        invoice.MapGet("/ubl", InvoiceEndpoints.UblAsync);
        invoice.MapPost("/payments", PaymentEndpoints.BookAsync).RequireAuthorization(InvoicingPolicies.Finance);
        return app;
    }
}
