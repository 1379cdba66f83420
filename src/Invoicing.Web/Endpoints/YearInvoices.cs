using Invoicing.Budgets;
using Invoicing.Invoices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invoicing.Web.Endpoints;

/// <summary>
/// A year's invoices, when the year exists: a scheme and year are known when they have a budget, so a budget
/// not yet invoiced lists no invoices while a misspelt scheme is a 404.
/// </summary>
internal static class YearInvoices
{
    public static async Task<IReadOnlyList<IssuedDocument>?> FindAsync(YearRoute route, BudgetStore budgets, InvoiceStore invoices, CancellationToken cancellationToken) =>
        await budgets.FindAsync(route.Scheme, route.Year, cancellationToken) is null
            ? null
            : await invoices.ListAsync(route.Scheme, route.Year, cancellationToken);

    /// <summary>
    /// The year's invoices from the raw route values, or the problem to answer with: 400 for a malformed scheme
    /// or year, 404 for one without a budget.
    /// </summary>
    public static async Task<(YearRoute Route, IReadOnlyList<IssuedDocument> Invoices, ProblemHttpResult? Problem)> LoadAsync(
        string scheme, string year, BudgetStore budgets, InvoiceStore invoices, CancellationToken cancellationToken)
    {
        if (!YearRoute.TryParse(scheme, year, out var route, out var problem))
        {
            return (route, [], ApiProblems.BadRequest(problem));
        }

        var found = await FindAsync(route, budgets, invoices, cancellationToken);
        return found is null ? (route, [], NotFound(route)) : (route, found, null);
    }

    public static ProblemHttpResult NotFound(YearRoute route) =>
        ApiProblems.NotFound($"Det finns ingen budget för samverkan {route.Scheme}, år {route.Year}.");
}
