using Invoicing.Approvals;

namespace Invoicing.Web.Contracts;

/// <summary>A change waiting for (or decided by) a second finance user; amounts in kronor, instants in UTC.</summary>
public sealed record ProposalView(
    string Id, string Kind, string Scheme, int Year, string Invoice, string Reason, decimal? Amount, string? PaidOn, string? Note,
    string ProposedBy, DateTimeOffset ProposedAt, string State, string? DecidedBy, DateTimeOffset? DecidedAt, string? Outcome, string Confirm, string Reject)
{
    public static ProposalView From(ProposedChange p) => new(
        p.Id, p.Kind == ChangeKind.Void ? "void" : "refund", p.Invoice.Scheme.Value, p.Invoice.Year, p.Invoice.Number.ToString(), p.Reason,
        p.Amount is { } amount ? Kronor.From(amount) : null, p.PaidOn is { } d ? IsoDate.Format(d) : null, p.Note,
        p.ProposedBy.Name, p.ProposedAt, p.State.ToString(), p.DecidedBy?.Name, p.DecidedAt, p.Outcome,
        $"/api/proposals/{p.Id}/confirm", $"/api/proposals/{p.Id}/reject");
}

/// <summary>What a confirmation did: the proposal as decided, the invoice as its chain now sees it, and the credit note of a void.</summary>
public sealed record ConfirmResponse(ProposalView Proposal, InvoiceSummary Invoice, InvoiceSummary? CreditNote);
