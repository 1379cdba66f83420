namespace Invoicing.Budgets;

public enum BudgetStatus
{
    /// <summary>Being prepared; nothing is invoiced.</summary>
    Draft,

    /// <summary>Decided at the budget meeting; the next run invoices it.</summary>
    Approved,
}
