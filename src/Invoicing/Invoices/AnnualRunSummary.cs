using Invoicing.Budgets;

namespace Invoicing.Invoices;

/// <summary>What one annual run did, per budget and in total.</summary>
public sealed record AnnualRunSummary(IReadOnlyList<BudgetRunResult> Budgets)
{
    public int Created => Budgets.Sum(b => b.Created);

    public int Existing => Budgets.Sum(b => b.Existing);

    public int Failed => Budgets.Sum(b => b.Failed);

    /// <summary>True when every budget the run looked at is fully invoiced.</summary>
    public bool Succeeded => Budgets.All(b => b.Error is null && b.Failed == 0);
}

/// <summary>One budget's outcome. <see cref="Error"/> is set when the budget could not be invoiced at all.</summary>
public sealed record BudgetRunResult(SchemeId Scheme, int Year, int Planned, int Created, int Existing, int Failed, string? Error, IReadOnlyList<string> Failures);
