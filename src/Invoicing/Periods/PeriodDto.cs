namespace Invoicing.Periods;

/// <summary>A closed (or reopened) month as <c>periods --json</c> and the API give it: invariant dates and times.</summary>
public sealed record PeriodDto(string Month, string State, string? ClosedBy, DateTimeOffset? ClosedAt, string? Note, string? ReopenedBy, DateTimeOffset? ReopenedAt, string? ReopenReason)
{
    public static PeriodDto From(AccountingPeriod p) =>
        new(p.Month.ToString(), p.Closed ? "closed" : "open", p.ClosedBy?.ToString(), p.ClosedAt, p.Note, p.ReopenedBy?.ToString(), p.ReopenedAt, p.ReopenReason);
}
