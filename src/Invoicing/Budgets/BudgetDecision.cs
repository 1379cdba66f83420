using Invoicing.Invoices;

namespace Invoicing.Budgets;

/// <summary>The budget meeting's decision: when, and the reference to its minutes.</summary>
public sealed record BudgetDecision(DateOnly DecidedOn, string Reference)
{
    public string Reference { get; } = string.IsNullOrWhiteSpace(Reference)
        ? throw new FormatException("A budget decision needs a reference (the minutes or the decision's number).")
        : Reference.Trim();

    /// <summary>A decision cannot lie in the future: approving a budget (or a revision) waits until it is decided.</summary>
    public void EnsureTaken(string budget, TimeProvider time)
    {
        var today = SwedishCalendar.Today(time);
        if (DecidedOn > today)
        {
            throw new DateInFutureException(
                $"{budget}: the decision date {IsoDate.Format(DecidedOn)} is after today ({IsoDate.Format(today)}); approve a budget once it has been decided.",
                $"{budget}: beslutsdatumet {IsoDate.Format(DecidedOn)} är efter i dag ({IsoDate.Format(today)}); godkänn en budget när den har beslutats.");
        }
    }
}
