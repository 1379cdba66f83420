using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Parties;
using Invoicing.Reports;
using Invoicing.Web.Contracts;
using Invoicing.Web.Exports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invoicing.Web.Endpoints;

/// <summary>Reports read off a year's ledger: the aging report and a party's statement.</summary>
public static class ReportEndpoints
{
    /// <summary>
    /// <c>GET /api/schemes/{scheme}/years/{year}/aging[?asOf=yyyy-MM-dd]</c>: what each debtor has due by days past due
    /// (<see cref="AgingReport"/>), as of today in Sweden unless <c>asOf</c> names another day.
    /// </summary>
    public static async Task<Results<Ok<AgingReportView>, ProblemHttpResult>> AgingAsync(
        string scheme,
        string year,
        string? asOf,
        BudgetStore budgets,
        InvoiceStore invoices,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (report, problem) = await ReportAsync(scheme, year, asOf, budgets, invoices, time, cancellationToken);
        return problem is not null ? problem : TypedResults.Ok(AgingReportView.From(report!));
    }

    /// <summary>
    /// <c>GET /api/schemes/{scheme}/years/{year}/aging.xlsx[?asOf=yyyy-MM-dd]</c>: the same report as an Excel file
    /// (<see cref="LedgerXlsx.Aging"/>), named by its day.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AgingXlsxAsync(
        string scheme,
        string year,
        string? asOf,
        BudgetStore budgets,
        InvoiceStore invoices,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (report, problem) = await ReportAsync(scheme, year, asOf, budgets, invoices, time, cancellationToken);
        return problem is not null
            ? problem
            : TypedResults.File(LedgerXlsx.Aging(report!), LedgerXlsx.ContentType, $"aldersanalys-{report!.Scheme}-{report.Year}-{IsoDate.Format(report.AsOf)}.xlsx");
    }

    private static async Task<(AgingReport? Report, ProblemHttpResult? Problem)> ReportAsync(
        string scheme, string year, string? asOf, BudgetStore budgets, InvoiceStore invoices, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!AsOfDay.TryParse(asOf, time, out var day, out var dayProblem))
        {
            return (null, ApiProblems.BadRequest(dayProblem));
        }

        var (route, found, problem) = await YearInvoices.LoadAsync(scheme, year, budgets, invoices, cancellationToken);
        return problem is not null ? (null, problem) : (AgingReport.Of(route.Scheme, route.Year, found, day), null);
    }

    /// <summary>
    /// <c>GET /api/schemes/{scheme}/years/{year}/parties/{party}/statement.pdf[?asOf=yyyy-MM-dd]</c> (and
    /// <c>statement.xlsx</c>): the party's statement (kontoutdrag, <see cref="Statement"/>) as of today in Sweden unless
    /// <c>asOf</c> names another day; 404 for an unknown party or one without documents that year.
    /// </summary>
    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> StatementPdfAsync(
        string scheme,
        string year,
        string party,
        string? asOf,
        Statements statements,
        StatementPdfRenderer renderer,
        TimeProvider time,
        CancellationToken cancellationToken) =>
        StatementAsync(scheme, year, party, asOf, statements, time, d => (renderer.Render(d), "application/pdf", d.FileName()), cancellationToken);

    /// <summary>The statement as Excel: <see cref="StatementPdfAsync"/>'s rows (<see cref="Exports.LedgerXlsx.Statement"/>).</summary>
    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> StatementXlsxAsync(
        string scheme,
        string year,
        string party,
        string? asOf,
        Statements statements,
        TimeProvider time,
        CancellationToken cancellationToken) =>
        StatementAsync(scheme, year, party, asOf, statements, time, d => (Exports.LedgerXlsx.Statement(d.Statement), Exports.LedgerXlsx.ContentType, d.FileName("xlsx")), cancellationToken);

    /// <summary>The statement of a route's party as the file <paramref name="file"/> makes of it; shared with the member's route.</summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> StatementAsync(
        string scheme,
        string year,
        string party,
        string? asOf,
        Statements statements,
        TimeProvider time,
        Func<StatementDocument, (byte[] Bytes, string ContentType, string FileName)> file,
        CancellationToken cancellationToken)
    {
        if (!YearRoute.TryParse(scheme, year, out var route, out var problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        if (!YearRoute.TryParseParty(party, out var code, out problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        if (!AsOfDay.TryParse(asOf, time, out var day, out problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        try
        {
            var (bytes, contentType, name) = file(await statements.FindAsync(route.Scheme, route.Year, code, day, cancellationToken));
            return TypedResults.File(bytes, contentType, name);
        }
        catch (StatementUnavailableException e)
        {
            return ApiProblems.NotFound(e);
        }
    }
}
