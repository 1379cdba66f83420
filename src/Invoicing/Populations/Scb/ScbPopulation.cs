namespace Invoicing.Populations.Scb;

/// <summary>
/// One year's population per municipality as SCB answered it, with where it came from: the table and content
/// code, SCB's <c>updated</c> time for the table, the reference date, and the request that produced it.
/// </summary>
public sealed record ScbPopulation(
    ScbTable Table,
    int Year,
    DateTimeOffset? Updated,
    string Request,
    IReadOnlyDictionary<string, long> ByMunicipality)
{
    public DateOnly ReferenceDate => ScbTable.ReferenceDate(Year);

    /// <summary>The snapshot's source text: <c>SCB TAB5557 Folkmängd 31 december 2025 (000007ME), uppdaterad 2026-02-24</c>.</summary>
    public string SourceText =>
        $"SCB {Table.Id} Folkmängd 31 december {Year} ({Table.ContentCode})" +
        (Updated is { } updated ? $", uppdaterad {updated.UtcDateTime:yyyy-MM-dd}" : "");
}
