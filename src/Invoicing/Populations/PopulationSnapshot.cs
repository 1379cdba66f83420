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
