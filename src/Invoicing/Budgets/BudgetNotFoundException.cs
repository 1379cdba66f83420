namespace Invoicing.Budgets;

public sealed class BudgetNotFoundException(string message) : InvalidOperationException(message);
