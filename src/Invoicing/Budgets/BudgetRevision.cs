namespace Invoicing.Budgets;

/// <summary>
/// A change to an approved budget: a whole changed dataset (budget lines, parties, populations), recorded as
/// a draft by <c>budget revise</c> and approved with its own decision. Runs then invoice the budget to its
/// latest approved revision with credit notes and supplementary invoices. Revision numbers start at 1; 0 is
/// the budget as first approved.
/// </summary>
public sealed record BudgetRevision(
    SchemeId Scheme,
    int Year,
    int Number,
    string DatasetBlob,
    string PlanFingerprint,
    DateTimeOffset RecordedAt)
{
    /// <summary>Null while the revision is a draft.</summary>
    public BudgetDecision? Decision { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    public bool IsApproved => Decision is not null;

    /// <summary>The reason printed on the documents this revision causes.</summary>
    public string Reason => Decision is { } d
        ? $"Budgetrevision {Number}, beslut {SwedishFormat.Date(d.DecidedOn)} ({d.Reference})"
        : $"Budgetrevision {Number} (ej beslutad)";
}
