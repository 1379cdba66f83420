using Invoicing.Budgets;
using Invoicing.Invoices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invoicing.Web.Endpoints;

/// <summary>
/// A year's invoices, when the year exists: a scheme and year are known when they have a budget, so a budget
/// not yet invoiced lists no invoices while a misspelt scheme is a 404. Documents are issued only from a budget, and a
/// budget is never removed, so a year with documents has one: its budget is read only when it has none.
/// </summary>
internal static class YearInvoices
{
    public static Task<IReadOnlyList<IssuedDocument>?> FindAsync(YearRoute route, BudgetStore budgets, InvoiceStore invoices, CancellationToken cancellationToken) =>
        FindAsync(route, budgets, invoices.ListAsync, cancellationToken);

    /// <summary>The same, from the documents kept while the year has not changed (<see cref="YearDocuments"/>).</summary>
    public static Task<IReadOnlyList<IssuedDocument>?> FindAsync(YearRoute route, BudgetStore budgets, YearDocuments documents, CancellationToken cancellationToken) =>
        FindAsync(route, budgets, documents.ListAsync, cancellationToken);

    private static async Task<IReadOnlyList<IssuedDocument>?> FindAsync(
        YearRoute route, BudgetStore budgets, Func<SchemeId, int, CancellationToken, Task<IReadOnlyList<IssuedDocument>>> list, CancellationToken cancellationToken)
    {
        var found = await list(route.Scheme, route.Year, cancellationToken);
        return found.Count > 0 || await budgets.ExistsAsync(route.Scheme, route.Year, cancellationToken) ? found : null;
    }

    /// <summary>
    /// The year's invoices from the raw route values, or the problem to answer with: 400 for a malformed scheme
    /// or year, 404 for one without a budget.
    /// </summary>
    public static Task<(YearRoute Route, IReadOnlyList<IssuedDocument> Invoices, ProblemHttpResult? Problem)> LoadAsync(
        string scheme, string year, BudgetStore budgets, InvoiceStore invoices, CancellationToken cancellationToken) =>
        LoadAsync(scheme, year, route => FindAsync(route, budgets, invoices, cancellationToken));

    /// <summary>The same, from the documents kept while the year has not changed (<see cref="YearDocuments"/>).</summary>
    public static Task<(YearRoute Route, IReadOnlyList<IssuedDocument> Invoices, ProblemHttpResult? Problem)> LoadAsync(
        string scheme, string year, BudgetStore budgets, YearDocuments documents, CancellationToken cancellationToken) =>
        LoadAsync(scheme, year, route => FindAsync(route, budgets, documents, cancellationToken));

    private static async Task<(YearRoute Route, IReadOnlyList<IssuedDocument> Invoices, ProblemHttpResult? Problem)> LoadAsync(
        string scheme, string year, Func<YearRoute, Task<IReadOnlyList<IssuedDocument>?>> find)
    {
        if (!YearRoute.TryParse(scheme, year, out var route, out var problem))
        {
            return (route, [], ApiProblems.BadRequest(problem));
        }

        var found = await find(route);
        return found is null ? (route, [], NotFound(route)) : (route, found, null);
    }

    public static ProblemHttpResult NotFound(YearRoute route) =>
        ApiProblems.NotFound($"Det finns ingen budget för samverkan {route.Scheme}, år {route.Year}.");
}
