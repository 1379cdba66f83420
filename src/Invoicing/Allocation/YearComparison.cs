using Invoicing.Parties;

namespace Invoicing.Allocation;

/// <summary>
/// Each party's share of a budget beside its share of the year before (<c>budget show</c> of a year prepared from the
/// last): every line together, the issuer's own share included; a party of only one year has nothing in the other.
/// </summary>
public sealed record YearComparison(int PreviousYear, int Year, IReadOnlyList<YearComparison.PartyShares> Parties)
{
    public static YearComparison Compare(InvoicePlan previous, InvoicePlan current)
    {
        var before = previous.AllShares.ToDictionary(s => s.Debtor.Code);
        var now = current.AllShares.ToDictionary(s => s.Debtor.Code);
        var parties = before.Keys.Union(now.Keys)
            .Select(code => now.TryGetValue(code, out var n) ? n.Debtor : before[code].Debtor)
            .OrderBy(p => p.Kind).ThenBy(p => p.Code)
            .Select(party => new PartyShares(party, before.GetValueOrDefault(party.Code)?.Net ?? Money.Zero, now.GetValueOrDefault(party.Code)?.Net ?? Money.Zero))
            .ToArray();
        return new YearComparison(previous.Budget.Year, current.Budget.Year, parties);
    }

    public Money PreviousTotal => Money.Sum(Parties.Select(p => p.Previous));

    public Money Total => Money.Sum(Parties.Select(p => p.Current));

    /// <summary>A party's share in each year (zero where it had none) and the change.</summary>
    public sealed record PartyShares(Party Party, Money Previous, Money Current)
    {
        public Money Change => Current - Previous;
    }
}
