using Invoicing.Audit;

namespace Invoicing.Periods;

/// <summary>
/// One month of an issuer's books as finance left it: closed (by whom, when), or reopened after a close (by whom,
/// when, why). A month never closed has no record and is open.
/// </summary>
public sealed record AccountingPeriod(string Issuer, AccountingMonth Month, bool Closed, int Closings)
{
    public Actor? ClosedBy { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public string? Note { get; init; }

    public Actor? ReopenedBy { get; init; }

    public DateTimeOffset? ReopenedAt { get; init; }

    public string? ReopenReason { get; init; }
}
