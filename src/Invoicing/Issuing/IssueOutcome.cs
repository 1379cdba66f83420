namespace Invoicing.Issuing;

public enum IssueOutcome
{
    /// <summary>This call recorded the invoice.</summary>
    Created,

    /// <summary>The invoice was already recorded, by an earlier or a concurrent run.</summary>
    AlreadyIssued,
}
