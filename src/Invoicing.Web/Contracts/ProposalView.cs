using Invoicing.Approvals;

namespace Invoicing.Web.Contracts;

/// <summary>
/// A change waiting for (or decided by) a second finance user; amounts in kronor, instants in UTC. <c>Kind</c> is
/// <c>void</c>, <c>refund</c>, <c>budget-approval</c> or <c>period-reopening</c>; <c>Invoice</c> is set for the first
/// two, <c>PaidOn</c> for a refund, <c>DecidedOn</c> for a budget approval, <c>Month</c> for a reopening.
/// </summary>
public sealed record ProposalView(
    string Id, string Kind, string Scheme, int Year, string? Invoice, string Reason, decimal? Amount, string? PaidOn, string? Note,
    string ProposedBy, DateTimeOffset ProposedAt, string State, string? DecidedBy, DateTimeOffset? DecidedAt, string? Outcome, string Confirm, string Reject)
{
    public string? DecidedOn { get; init; }

    public string? Month { get; init; }

    public static ProposalView From(ProposedChange p) => new(
        p.Id, KindName(p.Kind), p.Scheme.Value, p.Year, p.Number?.ToString(), p.Reason,
        p.Amount is { } amount ? Kronor.From(amount) : null, p.Kind == ChangeKind.Refund && p.On is { } d ? IsoDate.Format(d) : null, p.Note,
        p.ProposedBy.Name, p.ProposedAt, p.State.ToString(), p.DecidedBy?.Name, p.DecidedAt, p.Outcome,
        $"/api/proposals/{p.Id}/confirm", $"/api/proposals/{p.Id}/reject")
    {
        DecidedOn = p.Kind == ChangeKind.BudgetApproval && p.On is { } decided ? IsoDate.Format(decided) : null,
        Month = p.Month?.ToString(),
    };

    private static string KindName(ChangeKind kind) => kind switch
    {
        ChangeKind.Void => "void",
        ChangeKind.Refund => "refund",
        ChangeKind.BudgetApproval => "budget-approval",
        _ => "period-reopening",
    };
}

/// <summary>
/// What a confirmation did: the proposal as decided and, for a void or a refund, the invoice as its chain now sees it
/// and the credit note of a void.
/// </summary>
public sealed record ConfirmResponse(ProposalView Proposal, InvoiceSummary? Invoice, InvoiceSummary? CreditNote);
