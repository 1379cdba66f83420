using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Planning;

namespace Invoicing.Documents.BudgetReport;

/// <summary>
/// What the budget meeting's appendix (BILAGA 1) shows: the budget's income and costs, each pool's split with the
/// population figures, their source and reference date, and the fixed contributions. A pure function of the
/// budget and its allocation, so the appendix and the invoices can never disagree. The appendix of a budget
/// revision also shows, per party, the change it makes (<see cref="Changes"/>).
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
    /// <summary>The revision this appendix shows; null for the budget as first approved.</summary>
    public int? Revision { get; init; }

    /// <summary>Per party: documents so far (before the revision), the new share and the difference. Empty unless <see cref="Revision"/> is set.</summary>
    public IReadOnlyList<PartyChange> Changes { get; init; } = [];

    /// <summary>Each party's share beside the year before's, when that year has a budget (a year made by <c>budget prepare</c>).</summary>
    public YearComparison? PreviousYear { get; init; }

    /// <summary>
    /// The appendix of a revision: its dataset's budget and allocation, its own status (a draft until approved) and
    /// decision, and the change per party.
    /// </summary>
    /// <param name="preparedOn">The date printed on a draft revision (the decision date is printed once approved).</param>
    public static BudgetReportDocument ForRevision(RevisionChanges revision, DateOnly preparedOn)
    {
        var decision = revision.Revision.Decision;
        var budget = revision.Allocation.Budget with { Status = decision is null ? BudgetStatus.Draft : BudgetStatus.Approved, Decision = decision };
        return From(revision.Allocation with { Budget = budget }, preparedOn) with
        {
            Title = $"BILAGA 1: Budget {budget.Year}, revision {revision.Revision.Number}",
            Revision = revision.Revision.Number,
            Changes = revision.Changes,
        };
    }

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
