namespace Invoicing.Budgets;

/// <summary>
/// A budget cannot be allocated as it stands. Lists every problem found, each naming the budget, line and
/// party concerned, so finance can fix them all at once. A single problem is one line, as every other refusal.
/// <see cref="SwedishProblems"/> are the same problems in Swedish, in the same order, for the page.
/// </summary>
public sealed class BudgetValidationException(string budgetKey, IReadOnlyList<string> problems, IReadOnlyList<string> swedishProblems)
    : InvalidOperationException(problems.Count == 1
        ? $"Budget {budgetKey} cannot be invoiced: {problems[0]}"
        : $"Budget {budgetKey} cannot be invoiced:{Environment.NewLine}  - " + string.Join(Environment.NewLine + "  - ", problems)),
      ISwedishMessage
{
    public IReadOnlyList<string> Problems { get; } = problems;

    public IReadOnlyList<string> SwedishProblems { get; } = swedishProblems;

    public string SwedishMessage { get; } = swedishProblems.Count == 1
        ? $"Budgeten {budgetKey} kan inte faktureras: {swedishProblems[0]}"
        : $"Budgeten {budgetKey} kan inte faktureras:{Environment.NewLine}  - " + string.Join(Environment.NewLine + "  - ", swedishProblems);
}
