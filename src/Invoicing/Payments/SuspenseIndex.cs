namespace Invoicing.Payments;

/// <summary>The rows of the unmatched list that bear on a file's entries (<see cref="SuspenseList.IndexAsync"/>), oldest first.</summary>
public sealed class SuspenseIndex(IReadOnlyList<SuspenseIndex.Row> rows)
{
    private readonly Dictionary<string, Row> _byId = rows.ToDictionary(row => row.Id, StringComparer.Ordinal);

    public IReadOnlyList<Row> Rows => rows;

    /// <summary>The row of this entry key, open, booked or recognised as the same as another; null when the entry was never listed.</summary>
    public Row? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>One listed entry: where it is (<c>open</c>, <c>booked</c>, <c>same</c>), what it is and, for <c>same</c>, which entry it is the same as.</summary>
    public sealed record Row(string Id, string Partition, string EntryReference, string Source, string? Fingerprint, string? SameAs);
}
