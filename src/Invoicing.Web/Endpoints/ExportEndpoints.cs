using System.Diagnostics.CodeAnalysis;
using Invoicing.Accounting;
using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Web.Exports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invoicing.Web.Endpoints;

/// <summary>A year's invoices as files: every PDF in one ZIP, the ledger as CSV; and the vouchers of a period as SIE 4I.</summary>
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
    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> LedgerAsync(
        string scheme,
        string year,
        BudgetStore budgets,
        InvoiceStore invoices,
        TimeProvider time,
        CancellationToken cancellationToken) =>
        LedgerFileAsync(scheme, year, budgets, invoices, LedgerCsv.Write, "text/csv; charset=utf-8", "csv", time, cancellationToken);

    /// <summary>
    /// <c>GET /api/schemes/{scheme}/years/{year}/ledger.xlsx</c>: the same ledger as an Excel file, numbers as numbers and
    /// dates as dates (<see cref="LedgerXlsx"/>).
    /// </summary>
    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> LedgerXlsxAsync(
        string scheme,
        string year,
        BudgetStore budgets,
        InvoiceStore invoices,
        TimeProvider time,
        CancellationToken cancellationToken) =>
        LedgerFileAsync(scheme, year, budgets, invoices, LedgerXlsx.Ledger, LedgerXlsx.ContentType, "xlsx", time, cancellationToken);

    /// <summary>The year's ledger, balanced per chain as of today in Sweden, written by <paramref name="write"/> as <c>reskontra-{scheme}-{year}.{extension}</c>.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> LedgerFileAsync(
        string scheme,
        string year,
        BudgetStore budgets,
        InvoiceStore invoices,
        Func<IEnumerable<DocumentBalance>, DateOnly, byte[]> write,
        string contentType,
        string extension,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (route, found, problem) = await YearInvoices.LoadAsync(scheme, year, budgets, invoices, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return TypedResults.File(write(DocumentChain.BalancesOf(found), SwedishCalendar.Today(time)), contentType, $"reskontra-{route.Scheme}-{route.Year}.{extension}");
    }

    /// <summary>
    /// <c>GET /api/schemes/{scheme}/years/{year}/export.sie[?from=yyyy-MM-dd&amp;to=yyyy-MM-dd]</c>: the vouchers of the
    /// scheme's documents of that budget year (and the payments on them) dated in the period — by default the calendar
    /// year; <c>from=2027-01-01&amp;to=2027-01-31</c> gives the January payments of a 2026 budget's invoices. An SIE 4I
    /// file (see <see cref="SieExport"/>), in IBM 437 as <c>#FORMAT PC8</c> says.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SieAsync(
        string scheme,
        string year,
        string? from,
        string? to,
        BudgetStore budgets,
        SieExport export,
        IssuerDirectory issuers,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!YearRoute.TryParse(scheme, year, out var route, out var problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        if (!TryPeriod(from, to, route.Year, out var period, out problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        if (await budgets.FindAsync(route.Scheme, route.Year, cancellationToken) is null)
        {
            return YearInvoices.NotFound(route);
        }

        var selection = new SieSelection(issuers.For(route.Scheme), period) { BudgetYear = route.Year, Scheme = route.Scheme };
        return await SieFileAsync(export, selection, $"verifikationer-{route.Scheme}-{route.Year}", time, cancellationToken);
    }

    /// <summary>
    /// <c>GET /api/export.sie?from=yyyy-MM-dd&amp;to=yyyy-MM-dd[&amp;year=yyyy][&amp;scheme=id]</c>: an accounting period of one
    /// issuer's books — the issuer of <c>scheme</c>, else the default issuer — as an SIE 4I file: every voucher dated in
    /// it, of every scheme of that issuer and every budget year, or only the documents of budget year <c>year</c>.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PeriodSieAsync(
        string? from,
        string? to,
        string? year,
        string? scheme,
        SieExport export,
        IssuerDirectory issuers,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        int? budgetYear = null;
        if (year is not null)
        {
            if (!YearRoute.TryParseYear(year, out var parsed, out var yearProblem))
            {
                return ApiProblems.BadRequest(yearProblem);
            }

            budgetYear = parsed;
        }

        if (from is null && to is null)
        {
            return ApiProblems.BadRequest("Frågeparametrarna from och to (yyyy-MM-dd, inom ett kalenderår) anger perioden som ska exporteras.");
        }

        if (!TryPeriod(from, to, budgetYear, out var period, out var problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        var books = issuers.Default;
        if (scheme is not null)
        {
            if (!YearRoute.TryParseScheme(scheme, out var schemeId, out problem))
            {
                return ApiProblems.BadRequest(problem);
            }

            if (await export.BooksOfAsync(schemeId, cancellationToken) is not { } issuer)
            {
                return ApiProblems.NotFound($"Samverkan {schemeId} har ingen godkänd budget och alltså ingen bokföring att exportera.");
            }

            books = issuer;
        }

        var selection = new SieSelection(books, period) { BudgetYear = budgetYear };
        var name = $"verifikationer-{books.Id}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}";
        return await SieFileAsync(export, selection, name, time, cancellationToken);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SieFileAsync(
        SieExport export, SieSelection selection, string fileName, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            var result = await export.ExportAsync(selection, SwedishCalendar.Today(time), cancellationToken);
            // .si: SIE's extension for a file to import (4I); .se is an accounting system's export (1-4E).
            return TypedResults.File(result.Bytes, "text/plain; charset=IBM437", fileName + ".si");
        }
        catch (SieConfigurationException e)
        {
            return ApiProblems.Status(StatusCodes.Status500InternalServerError, "SIE-exporten är inte konfigurerad.", e);
        }
    }

    /// <summary>The period of query parameters <c>from</c> and <c>to</c> (see <see cref="SiePeriod.Create"/>); false with the problem.</summary>
    private static bool TryPeriod(string? from, string? to, int? year, out SiePeriod period, [NotNullWhen(false)] out string? problem)
    {
        period = default;
        if (!TryQueryDate(from, out var start) || !TryQueryDate(to, out var end))
        {
            problem = $"Frågeparametrarna from '{YearRoute.Shorten(from)}' och to '{YearRoute.Shorten(to)}' ska vara datum på formen yyyy-MM-dd när de anges.";
            return false;
        }

        try
        {
            period = SiePeriod.Create(start, end, year);
            problem = null;
            return true;
        }
        catch (SiePeriodException e)
        {
            problem = e.SwedishMessage;
            return false;
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
