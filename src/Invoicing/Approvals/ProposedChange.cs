using Invoicing.Audit;
using Invoicing.Invoices;

namespace Invoicing.Approvals;

public enum ChangeKind
{
    /// <summary>A full credit note for an invoice issued by mistake (<c>Reason</c> printed on it).</summary>
    Void,

    /// <summary>Money paid back on an overpaid invoice (<c>Reason</c> is the payment order's reference).</summary>
    Refund,
}

public enum ProposalState
{
    Proposed,
    Confirmed,
    Rejected,
}

/// <summary>
/// A change to money going out, proposed by one finance user and waiting for another to confirm it. Its id is the
/// hash of what it changes, so the same proposal sent twice (a retried request) is one proposal.
/// </summary>
public sealed record ProposedChange(
    string Id, ChangeKind Kind, InvoiceKey Invoice, string Reason, Money? Amount, DateOnly? PaidOn, string? Note, Actor ProposedBy, DateTimeOffset ProposedAt)
{
    public ProposalState State { get; init; } = ProposalState.Proposed;

    public Actor? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>What the decision did: the credit note's number, the refund's outcome, or why it was rejected.</summary>
    public string? Outcome { get; init; }

    public string Describe() => Kind == ChangeKind.Void
        ? $"void of invoice {Invoice.Number} (\"{Reason}\")"
        : $"refund of {Amount?.ToInvariantString()} SEK on invoice {Invoice.Number}, paid {(PaidOn is { } d ? IsoDate.Format(d) : "")} ({Reason})";

    /// <summary>The same person: the same kind of identity with the same name and id, whichever entrance they came by.</summary>
    public static bool SamePerson(Actor a, Actor b) =>
        a.Kind == b.Kind && string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase) && a.Id == b.Id;
}

/// <summary>The same person proposed and tries to confirm: refused (HTTP 403), nothing changes.</summary>
public sealed class FourEyesException(string message) : Exception(message);

/// <summary>The proposal is decided already, or its change can no longer be made; nothing changes (HTTP 409).</summary>
public sealed class ProposalStateException(string message) : Exception(message);
