namespace Invoicing.Budgets;

/// <summary>
/// A scheme's budget for one year. Only an approved budget is invoiced; approval records the decision and
/// a fingerprint of what the approved budget invoices, so a later change to its inputs is caught before
/// anything is issued from them.
/// </summary>
public sealed record Budget(SchemeId Scheme, int Year, string SchemeName, IReadOnlyList<BudgetLine> Lines)
{
    public BudgetStatus Status { get; init; } = BudgetStatus.Draft;

    public BudgetDecision? Decision { get; init; }

    /// <summary>SHA-256 (hex) of the invoice plan approved; see <see cref="Allocation.InvoicePlan.Fingerprint"/>.</summary>
    public string? ApprovedPlanFingerprint { get; init; }

    /// <summary>The approved revision the runs invoice to: 0 for the budget as first approved.</summary>
    public int Revision { get; init; }

    public string Title => $"{SchemeName} {Year}";

    public string Key => $"{Scheme} {Year}";

    public Budget Approve(BudgetDecision decision, string planFingerprint)
    {
        if (Status != BudgetStatus.Draft)
        {
            throw new BudgetStateException($"Budget {Key} is already {Status}; it can be approved only once.");
        }

        return this with { Status = BudgetStatus.Approved, Decision = decision, ApprovedPlanFingerprint = planFingerprint };
    }

    public void EnsureApproved()
    {
        if (Status != BudgetStatus.Approved)
        {
            throw new BudgetStateException($"Budget {Key} is {Status}; nothing is invoiced from a budget that is not approved.");
        }
    }

    public Money TotalIncome => Money.Sum(Lines.Where(l => l is not CostLine).Select(l => l.Amount));

    public Money InvoicedIncome => Money.Sum(Lines.Where(l => l.IsInvoiced).Select(l => l.Amount));

    public Money TotalCosts => Money.Sum(Lines.OfType<CostLine>().Select(l => l.Amount));
}
