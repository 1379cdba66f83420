namespace Invoicing.Budgets;

/// <summary>The budget meeting's decision: when, and the reference to its minutes.</summary>
public sealed record BudgetDecision(DateOnly DecidedOn, string Reference)
{
    public string Reference { get; } = string.IsNullOrWhiteSpace(Reference)
        ? throw new FormatException("A budget decision needs a reference (the minutes or the decision's number).")
        : Reference.Trim();
}
