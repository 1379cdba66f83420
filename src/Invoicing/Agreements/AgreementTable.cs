using Invoicing.Parties;

namespace Invoicing.Agreements;

/// <summary>
/// The agreements of a scheme's dataset (<c>agreements.csv</c>): at most one per party. A pool "among the
/// parties with an agreement" takes its participants from here, for the budget's year.
/// </summary>
public sealed class AgreementTable
{
    private readonly Dictionary<PartyCode, Agreement> _byParty;

    public AgreementTable(IEnumerable<Agreement> agreements)
    {
        _byParty = [];
        foreach (var agreement in agreements)
        {
            if (!_byParty.TryAdd(agreement.Party, agreement))
            {
                throw new ArgumentException($"Party {agreement.Party} has more than one agreement.", nameof(agreements));
            }
        }
    }

    /// <summary>No agreements (a dataset without <c>agreements.csv</c>).</summary>
    public static AgreementTable Empty { get; } = new([]);

    /// <summary>Every agreement, by party code.</summary>
    public IReadOnlyList<Agreement> All => _byParty.Values.OrderBy(a => a.Party).ToArray();

    public int Count => _byParty.Count;

    /// <summary>The parties whose agreement counts for <paramref name="budgetYear"/> (see <see cref="Agreement.CountsFor"/>).</summary>
    public IReadOnlySet<PartyCode> PartiesFor(int budgetYear) =>
        _byParty.Values.Where(a => a.CountsFor(budgetYear)).Select(a => a.Party).ToHashSet();
}
