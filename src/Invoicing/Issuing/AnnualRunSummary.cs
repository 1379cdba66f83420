using Invoicing.Budgets;

namespace Invoicing.Issuing;

/// <summary>What one annual run did, per budget and in total.</summary>
public sealed record AnnualRunSummary(IReadOnlyList<BudgetRunResult> Budgets)
{
    public int Created => Budgets.Sum(b => b.Created);

    public int Existing => Budgets.Sum(b => b.Existing);

    public int Failed => Budgets.Sum(b => b.Failed);

    /// <summary>True when every budget the run looked at is fully invoiced.</summary>
    public bool Succeeded => Budgets.All(b => b.Error is null && b.Failed == 0);

    /// <summary>Throws when any budget or invoice failed, so a host marks the invocation failed (and alerts).</summary>
    public void EnsureSucceeded()
    {
        if (!Succeeded)
        {
            var problems = Budgets.Where(b => b.Error is not null || b.Failed > 0)
                .Select(b => $"{b.Scheme} {b.Year}: " + (b.Error ?? string.Join("; ", b.Failures)));
            throw new AnnualRunFailedException($"Annual invoicing run did not complete: {string.Join(" | ", problems)}");
        }
    }
}

/// <summary>An annual run left work undone; the next run resumes it.</summary>
public sealed class AnnualRunFailedException(string message) : InvalidOperationException(message);

/// <summary>One budget's outcome. <see cref="Error"/> is set when the budget could not be invoiced at all.</summary>
public sealed record BudgetRunResult(SchemeId Scheme, int Year, int Planned, int Created, int Existing, int Failed, string? Error, IReadOnlyList<string> Failures)
{
    /// <summary>The budget revision the documents were planned for (0: the budget as first approved).</summary>
    public int Revision { get; init; }
}
