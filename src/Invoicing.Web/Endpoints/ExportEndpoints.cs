using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Web.Exports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invoicing.Web.Endpoints;

/// <summary>A year's invoices as files: every PDF in one ZIP, and the ledger as CSV.</summary>
public static class ExportEndpoints
{
    /// <summary><c>GET /api/schemes/{scheme}/years/{year}/invoices.zip</c>, streamed as it is written (see <see cref="InvoiceZip"/>).</summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ZipAsync(
        string scheme,
        string year,
        BudgetStore budgets,
        InvoiceStore invoices,
        InvoiceArchive archive,
        CancellationToken cancellationToken)
    {
        var (route, found, problem) = await YearInvoices.LoadAsync(scheme, year, budgets, invoices, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return TypedResults.Stream(
            body => InvoiceZip.WriteAsync(body, found, archive, cancellationToken),
            "application/zip",
            $"fakturor-{route.Scheme}-{route.Year}.zip");
    }

    /// <summary><c>GET /api/schemes/{scheme}/years/{year}/einvoices.zip</c>: every e-invoice (UBL) of the year, streamed like the PDFs.</summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> EInvoicesZipAsync(
        string scheme,
        string year,
        BudgetStore budgets,
        InvoiceStore invoices,
        InvoiceArchive archive,
        CancellationToken cancellationToken)
    {
        var (route, found, problem) = await YearInvoices.LoadAsync(scheme, year, budgets, invoices, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return TypedResults.Stream(
            body => InvoiceZip.WriteAsync(body, found, archive, cancellationToken, eInvoices: true),
            "application/zip",
            $"e-fakturor-{route.Scheme}-{route.Year}.zip");
    }

    /// <summary><c>GET /api/schemes/{scheme}/years/{year}/ledger.csv</c> (see <see cref="LedgerCsv"/>).</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> LedgerAsync(
        string scheme,
        string year,
        BudgetStore budgets,
        InvoiceStore invoices,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (route, found, problem) = await YearInvoices.LoadAsync(scheme, year, budgets, invoices, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return TypedResults.File(
            LedgerCsv.Write(found, SwedishCalendar.Today(time)),
            "text/csv; charset=utf-8",
            $"reskontra-{route.Scheme}-{route.Year}.csv");
    }
}
