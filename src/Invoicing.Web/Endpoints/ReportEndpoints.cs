using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Reports;
using Invoicing.Web.Contracts;
using Invoicing.Web.Exports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invoicing.Web.Endpoints;

/// <summary>Reports read off a year's ledger: the aging report.</summary>
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
        var day = SwedishCalendar.Today(time);
        if (!string.IsNullOrEmpty(asOf) && !IsoDate.TryParse(asOf, out day))
        {
            return (null, ApiProblems.BadRequest($"asOf '{YearRoute.Shorten(asOf)}' is not a date in the form yyyy-MM-dd."));
        }

        var (route, found, problem) = await YearInvoices.LoadAsync(scheme, year, budgets, invoices, cancellationToken);
        return problem is not null ? (null, problem) : (AgingReport.Of(route.Scheme, route.Year, found, day), null);
    }
}
