namespace Invoicing.Budgets;

/// <summary>
/// A budget cannot be allocated as it stands. Lists every problem found, each naming the budget, line and
/// party concerned, so finance can fix them all at once. A single problem is one line, as every other refusal.
/// </summary>
public sealed class BudgetValidationException(string budgetKey, IReadOnlyList<string> problems)
    : InvalidOperationException(problems.Count == 1
        ? $"Budget {budgetKey} cannot be invoiced: {problems[0]}"
        : $"Budget {budgetKey} cannot be invoiced:{Environment.NewLine}  - " + string.Join(Environment.NewLine + "  - ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
