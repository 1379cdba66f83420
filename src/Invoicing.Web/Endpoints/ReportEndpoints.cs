using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Reports;
using Invoicing.Web.Contracts;
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
        var day = SwedishCalendar.Today(time);
        if (!string.IsNullOrEmpty(asOf) && !IsoDate.TryParse(asOf, out day))
        {
            return ApiProblems.BadRequest($"asOf '{YearRoute.Shorten(asOf)}' is not a date in the form yyyy-MM-dd.");
        }

        var (route, found, problem) = await YearInvoices.LoadAsync(scheme, year, budgets, invoices, cancellationToken);
        return problem is not null
            ? problem
            : TypedResults.Ok(AgingReportView.From(AgingReport.Of(route.Scheme, route.Year, found, day)));
    }
}
