namespace Invoicing.Budgets;

public enum BudgetStatus
{
    /// <summary>Being prepared; nothing is invoiced.</summary>
    Draft,

    /// <summary>Decided at the budget meeting; the next run invoices it.</summary>
    Approved,
}

/// <summary>A budget's status as the Swedish pages say it.</summary>
public static class BudgetStatusText
{
    /// <summary>The status as a label: <c>utkast</c>, <c>godkänd</c>.</summary>
    public static string Swedish(BudgetStatus status) => status switch
    {
        BudgetStatus.Draft => "utkast",
        BudgetStatus.Approved => "godkänd",
        _ => status.ToString(),
    };

    /// <summary>The status as stored (its English name), as a label.</summary>
    public static string Swedish(string status) => Enum.TryParse<BudgetStatus>(status, out var parsed) ? Swedish(parsed) : status;

    /// <summary>What a budget "is" in the status: <c>ett utkast</c>, <c>godkänd</c>.</summary>
    public static string SwedishPredicate(BudgetStatus status) => status == BudgetStatus.Draft ? "ett utkast" : Swedish(status);

    public static string SwedishPredicate(string status) => Enum.TryParse<BudgetStatus>(status, out var parsed) ? SwedishPredicate(parsed) : status;
}
