using Invoicing.Allocation;
using Invoicing.Budgets;

namespace Invoicing.Documents.BudgetReport;

/// <summary>
/// What the budget meeting's appendix (BILAGA 1) shows: the budget's income and costs, each pool's split with the
/// population figures, their source and reference date, and the fixed contributions. A pure function of the
/// budget and its allocation, so the appendix and the invoices can never disagree.
/// </summary>
public sealed record BudgetReportDocument(
    string Title,
    string SchemeName,
    int Year,
    BudgetStatus Status,
    BudgetDecision? Decision,
    DateOnly PreparedOn,
    IReadOnlyList<BudgetLine> Income,
    IReadOnlyList<CostLine> Costs,
    IReadOnlyList<PoolAllocation> Pools,
    IReadOnlyList<FixedContribution> FixedContributions,
    IReadOnlyList<string> Warnings)
{
    /// <param name="preparedOn">The date printed on a draft (the decision date is printed on an approved budget).</param>
    public static BudgetReportDocument From(BudgetAllocation allocation, DateOnly preparedOn)
    {
        var budget = allocation.Budget;
        return new BudgetReportDocument(
            $"BILAGA 1: Budget {budget.Year}",
            budget.SchemeName,
            budget.Year,
            budget.Status,
            budget.Decision,
            budget.Decision?.DecidedOn ?? preparedOn,
            budget.Lines.Where(l => l is not CostLine).ToArray(),
            budget.Lines.OfType<CostLine>().ToArray(),
            allocation.Pools,
            allocation.FixedContributions,
            PopulationKeyWarnings.For(allocation));
    }

    public Money TotalIncome => Money.Sum(Income.Select(l => l.Amount));

    public Money InvoicedIncome => Money.Sum(Income.Where(l => l.IsInvoiced).Select(l => l.Amount));

    public Money TotalCosts => Money.Sum(Costs.Select(l => l.Amount));

    public bool IsDraft => Status != BudgetStatus.Approved;
}
