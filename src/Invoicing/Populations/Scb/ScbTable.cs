namespace Invoicing.Populations.Scb;

/// <summary>
/// SCB's table of population per municipality on 31 December. TAB638 covers 1968–2024 and has no total for
/// sex or civil status (its cells are summed: no noise before 2025); TAB5557 covers 2025 onwards, with Cell-Key
/// noise on every cell, so only its published total cells are used, never a sum of parts.
/// </summary>
public sealed record ScbTable(string Id, string ContentCode, int FirstYear, int LastYear, IReadOnlyDictionary<string, IReadOnlyList<string>> Cells)
{
    /// <summary>TAB638: age <c>tot</c>; both sexes and all four civil statuses summed.</summary>
    public static readonly ScbTable Tab638 = new("TAB638", "BE0101N1", 1968, 2024, new Dictionary<string, IReadOnlyList<string>>
    {
        ["Alder"] = ["tot"],
        ["Civilstand"] = ["OG", "G", "SK", "ÄNKL"],
        ["Kon"] = ["1", "2"],
    });

    /// <summary>TAB5557: the total cells for age, civil status and sex.</summary>
    public static readonly ScbTable Tab5557 = new("TAB5557", "000007ME", 2025, 9999, new Dictionary<string, IReadOnlyList<string>>
    {
        ["Alder"] = ["TotSA"],
        ["Civilstand"] = ["SC"],
        ["Kon"] = ["TotSa"],
    });

    public static IReadOnlyList<ScbTable> All { get; } = [Tab638, Tab5557];

    public static ScbTable ForYear(int year) =>
        year <= Tab638.LastYear ? (year >= Tab638.FirstYear ? Tab638 : throw new ScbDataException($"SCB has no population per municipality for {year} (TAB638 starts in 1968)."))
        : Tab5557;

    public static ScbTable? Find(string id) => All.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The reference date: the population is counted on 31 December of the year.</summary>
    public static DateOnly ReferenceDate(int year) => new(year, 12, 31);
}
