using Invoicing.Accounting;
using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Web.Exports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invoicing.Web.Endpoints;

/// <summary>A year's invoices as files: every PDF in one ZIP, the ledger as CSV, and the vouchers as SIE 4.</summary>
public static class ExportEndpoints
{
    /// <summary><c>GET /api/schemes/{scheme}/years/{year}/invoices.zip</c>, streamed as it is written (see <see cref="InvoiceZip"/>).</summary>
    public static Task<Results<PushStreamHttpResult, ProblemHttpResult>> ZipAsync(
        string scheme,
        string year,
        BudgetStore budgets,
        InvoiceStore invoices,
        InvoiceArchive archive,
        CancellationToken cancellationToken) =>
        YearZipAsync(scheme, year, budgets, invoices, archive, eInvoices: false, "fakturor", cancellationToken);

    /// <summary><c>GET /api/schemes/{scheme}/years/{year}/einvoices.zip</c>: every e-invoice (UBL) of the year, streamed like the PDFs.</summary>
    public static Task<Results<PushStreamHttpResult, ProblemHttpResult>> EInvoicesZipAsync(
        string scheme,
        string year,
        BudgetStore budgets,
        InvoiceStore invoices,
        InvoiceArchive archive,
        CancellationToken cancellationToken) =>
        YearZipAsync(scheme, year, budgets, invoices, archive, eInvoices: true, "e-fakturor", cancellationToken);

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> YearZipAsync(
        string scheme,
        string year,
        BudgetStore budgets,
        InvoiceStore invoices,
        InvoiceArchive archive,
        bool eInvoices,
        string fileNamePrefix,
        CancellationToken cancellationToken)
    {
        var (route, found, problem) = await YearInvoices.LoadAsync(scheme, year, budgets, invoices, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return TypedResults.Stream(
            body => InvoiceZip.WriteAsync(body, found, archive, cancellationToken, eInvoices),
            "application/zip",
            $"{fileNamePrefix}-{route.Scheme}-{route.Year}.zip");
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
            LedgerCsv.Write(DocumentChain.BalancesOf(found), SwedishCalendar.Today(time)),
            "text/csv; charset=utf-8",
            $"reskontra-{route.Scheme}-{route.Year}.csv");
    }

    /// <summary>
    /// <c>GET /api/schemes/{scheme}/years/{year}/export.sie[?from=yyyy-MM-dd&amp;to=yyyy-MM-dd]</c>: the year's invoices and
    /// payments as an SIE 4E file (see <see cref="SieExport"/>), in IBM 437 as <c>#FORMAT PC8</c> says.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SieAsync(
        string scheme,
        string year,
        string? from,
        string? to,
        BudgetStore budgets,
        SieExport export,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!YearRoute.TryParse(scheme, year, out var route, out var problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        if (!TryQueryDate(from, out var start) || !TryQueryDate(to, out var end))
        {
            return ApiProblems.BadRequest($"Query parameters from '{from}' and to '{to}' must be dates in the form yyyy-MM-dd when given.");
        }

        if (await budgets.FindAsync(route.Scheme, route.Year, cancellationToken) is null)
        {
            return YearInvoices.NotFound(route);
        }

        try
        {
            var result = await export.ExportAsync(route.Scheme, route.Year, start, end, SwedishCalendar.Today(time), cancellationToken);
            return TypedResults.File(result.Bytes, "text/plain; charset=IBM437", $"verifikationer-{route.Scheme}-{route.Year}.se");
        }
        catch (ArgumentException e)
        {
            return ApiProblems.BadRequest(e.Message);
        }
        catch (SieConfigurationException e)
        {
            return ApiProblems.Status(StatusCodes.Status500InternalServerError, "The SIE export is not configured.", e.Message);
        }
    }

    private static bool TryQueryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        if (!IsoDate.TryParse(text, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }
}
