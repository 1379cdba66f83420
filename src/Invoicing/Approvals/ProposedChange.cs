using Invoicing.Audit;
using Invoicing.Invoices;
using Invoicing.Periods;

namespace Invoicing.Approvals;

public enum ChangeKind
{
    /// <summary>A full credit note for an invoice issued by mistake (<c>Reason</c> printed on it).</summary>
    Void,

    /// <summary>Money paid back on an overpaid invoice (<c>Reason</c> is the payment order's reference).</summary>
    Refund,

    /// <summary>A draft budget approved as the budget meeting decided it (<c>Reason</c> is the decision's reference, <c>On</c> its date).</summary>
    BudgetApproval,

    /// <summary>A closed month of the books reopened (<c>Reason</c> says why).</summary>
    PeriodReopening,
}

public enum ProposalState
{
    Proposed,
    Confirmed,
    Rejected,
}

/// <summary>
/// A change to money going out (a void, a refund), a budget approval or a closed month reopened, proposed by one finance
/// user and waiting for another to confirm it. It is about <see cref="Scheme"/>'s year <see cref="Year"/> (for a
/// reopening, the books of the scheme's issuer). Its id is the hash of what it changes, so the same proposal sent twice
/// (a retried request) is one proposal.
/// </summary>
public sealed record ProposedChange(string Id, ChangeKind Kind, SchemeId Scheme, int Year, string Reason, Actor ProposedBy, DateTimeOffset ProposedAt)
{
    /// <summary>The invoice a void or a refund is made on.</summary>
    public InvoiceNumber? Number { get; init; }

    /// <summary>A refund's amount.</summary>
    public Money? Amount { get; init; }

    /// <summary>The date a refund was paid on, or a budget meeting decided on.</summary>
    public DateOnly? On { get; init; }

    public string? Note { get; init; }

    /// <summary>The month a reopening reopens.</summary>
    public AccountingMonth? Month { get; init; }

    public InvoiceKey? Invoice => Number is { } number ? new InvoiceKey(Scheme, Year, number) : null;

    public ProposalState State { get; init; } = ProposalState.Proposed;

    public Actor? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>What the decision did: the credit note's number, the refund's outcome, the approval, or why it was rejected.</summary>
    public string? Outcome { get; init; }

    public string Describe() => Kind switch
    {
        ChangeKind.Void => $"void of invoice {Number} (\"{Reason}\")",
        ChangeKind.Refund => $"refund of {Amount?.ToInvariantString()} SEK on invoice {Number}, paid {Date(On)} ({Reason})",
        ChangeKind.BudgetApproval => $"approval of budget {Scheme} {Year}, decided {Date(On)} ({Reason})",
        _ => $"reopening of {Month} of the books of {Scheme}'s issuer ({Reason})",
    };

    /// <summary>The same as <see cref="Describe"/>, in the words of the Swedish pages.</summary>
    public string DescribeInSwedish() => Kind switch
    {
        ChangeKind.Void => $"makulering av faktura {Number} (\"{Reason}\")",
        ChangeKind.Refund => $"återbetalning av {Amount} på faktura {Number}, betald {Date(On)} ({Reason})",
        ChangeKind.BudgetApproval => $"godkännande av budget {Scheme} {Year}, beslutad {Date(On)} ({Reason})",
        _ => $"återöppning av {Month} i bokföringen för fakturautställaren i {Scheme} ({Reason})",
    };

    /// <summary>A decided state as the Swedish pages say it of a proposal: <c>godkänt</c>, <c>avslaget</c>.</summary>
    public static string StateInSwedish(ProposalState state) => state switch
    {
        ProposalState.Confirmed => "godkänt",
        ProposalState.Rejected => "avslaget",
        _ => "föreslaget",
    };

    /// <summary>The same person: the same kind of identity with the same name and id, whichever entrance they came by.</summary>
    public static bool SamePerson(Actor a, Actor b) =>
        a.Kind == b.Kind && string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase) && a.Id == b.Id;

    private static string Date(DateOnly? date) => date is { } d ? IsoDate.Format(d) : "";
}

/// <summary>The same person proposed and tries to confirm: refused (HTTP 403), nothing changes.</summary>
public sealed class FourEyesException(string message, string swedishMessage) : Exception(message), ISwedishMessage
{
    public string SwedishMessage { get; } = swedishMessage;
}

/// <summary>The proposal is decided already, or its change can no longer be made; nothing changes (HTTP 409).</summary>
public sealed class ProposalStateException(string message, string swedishMessage) : Exception(message), ISwedishMessage
{
    public string SwedishMessage { get; } = swedishMessage;
}
