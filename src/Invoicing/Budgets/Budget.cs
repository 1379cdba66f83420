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

    /// <summary>
    /// The parties of the dataset the budget was recorded from: only they share its pools and pay its lines. The party
    /// table holds every scheme's parties and keeps a row when a later dataset leaves it out; without this list a
    /// party removed from the files would stay in its county's pool and be invoiced. Null where a budget is built
    /// in code against a party table of its own (tests, the benchmark): then every party given takes part.
    /// </summary>
    public IReadOnlySet<Parties.PartyCode>? Members { get; init; }

    public string Title => $"{SchemeName} {Year}";

    public string Key => $"{Scheme} {Year}";

    public Budget Approve(BudgetDecision decision, string planFingerprint)
    {
        if (Status != BudgetStatus.Draft)
        {
            throw new BudgetStateException(
                $"Budget {Key} is already {Status}; it can be approved only once.",
                $"Budgeten {Key} är redan {BudgetStatusText.SwedishPredicate(Status)}; den kan bara godkännas en gång.");
        }

        return this with { Status = BudgetStatus.Approved, Decision = decision, ApprovedPlanFingerprint = planFingerprint };
    }

    public void EnsureApproved()
    {
        if (Status != BudgetStatus.Approved)
        {
            throw new BudgetStateException(
                $"Budget {Key} is {Status}; nothing is invoiced from a budget that is not approved.",
                $"Budgeten {Key} är {BudgetStatusText.SwedishPredicate(Status)}; inget faktureras från en budget som inte är godkänd.");
        }
    }

    public Money TotalIncome => Money.Sum(Lines.Where(l => l is not CostLine).Select(l => l.Amount));

    public Money InvoicedIncome => Money.Sum(Lines.Where(l => l.IsInvoiced).Select(l => l.Amount));

    public Money TotalCosts => Money.Sum(Lines.OfType<CostLine>().Select(l => l.Amount));
}
