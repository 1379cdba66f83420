using Invoicing.Allocation;

namespace Invoicing.Issuing;

/// <summary>What issuing did with one planned document: its outcome, or why it failed (the next run resumes it).</summary>
public sealed record IssueResult(PlannedDocument Document, IssueOutcome? Outcome, Exception? Failure)
{
    public static IssueResult Failed(PlannedDocument document, Exception failure) => new(document, null, failure);
}
