using Invoicing.Payments;

namespace Invoicing.Web.Contracts;

/// <summary>
/// An entry on the unmatched list (<c>payments unmatched --json</c>, <c>GET /api/payments/unmatched</c>): what the
/// bank said, why it matched nothing, its texts, and the invoice they suggest.
/// </summary>
public sealed record UnmatchedPaymentView(
    string Id,
    string EntryReference,
    string Kind,
    string Source,
    decimal Amount,
    DateOnly Date,
    string? Reference,
    string? PayerName,
    IReadOnlyList<string> Texts,
    string Reason,
    SuggestionView? Suggested)
{
    /// <summary>The SHA-256 of the archived bank file the entry came in (<c>GET /api/payments/files/{fileId}</c>); null on entries listed before files were archived.</summary>
    public string? FileId { get; init; }

    /// <summary>
    /// Why it matched nothing, in Swedish, as the finance page shows it (<see cref="Reason"/> is the terminal's
    /// English); null on entries listed before the import recorded one.
    /// </summary>
    public string? SwedishReason { get; init; }

    public static UnmatchedPaymentView From(UnmatchedPayment payment) =>
        new(payment.Id, payment.EntryReference, payment.Kind.ToString(), payment.Source, Kronor.From(payment.Amount), payment.PaidOn,
            payment.Reference, payment.PayerName, payment.Texts, payment.Reason, payment.Suggested is { } s ? SuggestionView.From(s) : null)
        {
            FileId = payment.FileId,
            SwedishReason = payment.SwedishReason,
        };
}
