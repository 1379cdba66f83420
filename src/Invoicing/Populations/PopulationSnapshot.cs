using System.Text.RegularExpressions;
using Invoicing.Parties;

namespace Invoicing.Populations;

/// <summary>
/// Population figures from one source at one reference date, e.g. the table the budget document quotes
/// "from SCB befolkningsstatistik 2025-09". A pool names the snapshot it is split by, so the figures an
/// invoice shows are exactly the ones the budget meeting saw.
/// </summary>
public sealed partial record PopulationSnapshot(string Id, string Source, DateOnly ReferenceDate, IReadOnlyDictionary<PartyCode, long> Populations)
{
    public string Id { get; } = IdPattern().IsMatch(Id ?? "")
        ? Id!
        : throw new FormatException($"Population snapshot id '{Id}' must be 2-60 characters of a-z, 0-9 and '-'.");

    public string Source { get; } = string.IsNullOrWhiteSpace(Source)
        ? throw new FormatException($"Population snapshot '{Id}' has no source text.")
        : Source.Trim();

    /// <summary>
    /// No party is larger than this (Sweden has about 10.6 million people). The bound keeps every sum and product
    /// over a pool far inside 64-bit arithmetic, and catches a figure typed in the wrong unit.
    /// </summary>
    public const long MaxPopulation = 20_000_000;

    public IReadOnlyDictionary<PartyCode, long> Populations { get; init => field = Checked(Id, value); } = Checked(Id ?? "", Populations);

    private static IReadOnlyDictionary<PartyCode, long> Checked(string id, IReadOnlyDictionary<PartyCode, long> populations)
    {
        foreach (var (code, population) in populations)
        {
            // Zero and negative figures are the allocator's to name with the budget line; the bound keeps sums exact.
            if (population > MaxPopulation)
            {
                throw new FormatException($"Population snapshot '{id}': population {population} of {code} is above {MaxPopulation}.");
            }
        }

        return populations;
    }

    /// <summary>Where an imported snapshot's figures come from; null for one typed in (the bundled dataset).</summary>
    public PopulationProvenance? Provenance { get; init; }

    /// <summary>Same source, date, provenance and figures: importing it again changes nothing.</summary>
    public bool SameAs(PopulationSnapshot other) =>
        Id == other.Id && Source == other.Source && ReferenceDate == other.ReferenceDate && Provenance == other.Provenance
        && Populations.Count == other.Populations.Count
        && Populations.All(p => other.Populations.TryGetValue(p.Key, out var v) && v == p.Value);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,59}$")]
    private static partial Regex IdPattern();
}
