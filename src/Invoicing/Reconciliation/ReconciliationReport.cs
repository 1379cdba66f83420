using Invoicing.Parties;

namespace Invoicing.Reconciliation;

/// <summary>The outcome of a reconciliation: every matched party, and what matched nothing on either side.</summary>
public sealed record ReconciliationReport(
    string Source,
    IReadOnlyList<ReconciliationLine> Lines,
    IReadOnlyList<ReferenceRow> UnmatchedReferenceRows,
    IReadOnlyList<ReconciliationLine> NotInReference)
{
    public IEnumerable<ReconciliationLine> Differences => Lines.Where(l => l.Difference != Money.Zero);

    public bool Agrees => !Differences.Any() && UnmatchedReferenceRows.Count == 0;
}

/// <summary>A party's computed amount against the reference (null when the reference has no row for it).</summary>
public sealed record ReconciliationLine(PartyCode Party, string Name, Money Computed, Money? Reference)
{
    /// <summary>Computed minus reference.</summary>
    public Money Difference => Reference is { } reference ? Computed - reference : Money.Zero;
}
