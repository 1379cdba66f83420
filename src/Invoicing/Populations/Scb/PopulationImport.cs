using Invoicing.Budgets;
using Invoicing.Parties;

namespace Invoicing.Populations.Scb;

/// <summary>
/// Records SCB's figures as a population snapshot with their provenance. Everything is checked before the first
/// write: a pool of the scheme that names the snapshot must find every one of its municipalities in it, and an
/// existing snapshot of that id is never changed (importing the same answer again changes nothing).
/// </summary>
public sealed class PopulationImport(PopulationStore populations, PartyStore parties, BudgetStore budgets)
{
    /// <summary>The default snapshot id for a year: <c>scb-2025</c>.</summary>
    public static string DefaultSnapshotId(int year) => $"scb-{year}";

    public async Task<PopulationImportResult> ImportAsync(ScbPopulation data, string? snapshotId, SchemeId scheme, CancellationToken cancellationToken)
    {
        var id = string.IsNullOrWhiteSpace(snapshotId) ? DefaultSnapshotId(data.Year) : snapshotId.Trim();

        // SCB's tables carry a row for every municipality of today's division, with 0 for a year before it existed
        // (Knivsta before 2003). A share on 0 inhabitants is no share: the answer is for the wrong year.
        if (data.ByMunicipality.Where(p => p.Value <= 0).OrderBy(p => p.Key, StringComparer.Ordinal).FirstOrDefault() is { Key: { } empty } zero)
        {
            var name = Municipalities.Names.GetValueOrDefault(empty, empty);
            throw new ScbDataException(
                $"Population snapshot '{id}': SCB gives {zero.Value} inhabitants for {empty} ({name}) on {IsoDate.Format(data.ReferenceDate)}: the municipality did not exist on that date, so these figures cannot split a pool; nothing was recorded.");
        }

        PopulationSnapshot snapshot;
        try
        {
            snapshot = new PopulationSnapshot(id, data.SourceText, data.ReferenceDate, data.ByMunicipality.ToDictionary(p => new PartyCode(p.Key), p => p.Value))
            {
                Provenance = new PopulationProvenance(data.Table.Id, data.Table.ContentCode, data.Updated, data.Request),
            };
        }
        catch (FormatException e)
        {
            throw new ScbDataException(e.Message, e);
        }

        await CheckPoolsAsync(snapshot, scheme, cancellationToken);

        var existing = await populations.FindAsync(id, cancellationToken);
        if (existing is not null && IsUnfinishedImportOf(existing, snapshot))
        {
            // An earlier import of these figures stopped before its provenance row: finish it.
            await populations.SaveAsync(snapshot, cancellationToken);
            return new PopulationImportResult(snapshot, true);
        }

        if (existing is not null)
        {
            return existing.SameAs(snapshot)
                ? new PopulationImportResult(snapshot, false)
                : throw new ScbDataException(
                    $"Population snapshot '{id}' already exists with other figures or provenance ({existing.Source}, {IsoDate.Format(existing.ReferenceDate)}); a snapshot never changes, so import under another --snapshot id.");
        }

        await populations.SaveAsync(snapshot, cancellationToken);
        return new PopulationImportResult(snapshot, true);
    }

    /// <summary>
    /// The provenance row is written last, so a snapshot without it whose rows all agree with this import (same
    /// source and date) is this import cut off part-way, not another snapshot.
    /// </summary>
    private static bool IsUnfinishedImportOf(PopulationSnapshot existing, PopulationSnapshot snapshot) =>
        existing.Provenance is null && existing.Source == snapshot.Source && existing.ReferenceDate == snapshot.ReferenceDate
        && existing.Populations.All(p => snapshot.Populations.TryGetValue(p.Key, out var value) && value == p.Value);

    private async Task CheckPoolsAsync(PopulationSnapshot snapshot, SchemeId scheme, CancellationToken cancellationToken)
    {
        var pools = (await budgets.ListAsync(scheme, cancellationToken))
            .SelectMany(b => b.Lines.OfType<SharedLine>().Where(l => l.PopulationKey == snapshot.Id).Select(l => (Budget: b, Line: l)))
            .ToArray();
        if (pools.Length == 0)
        {
            return;
        }

        var known = await parties.GetAllAsync(cancellationToken);
        var problems = new List<string>();
        foreach (var (budget, line) in pools)
        {
            var needed = line.Participants switch
            {
                PoolParticipants.CountyMunicipalities county => known.Values.Where(p => p.Kind == PartyKind.Municipality && p.County == county.County).Select(p => p.Code),
                PoolParticipants.Listed listed => listed.Parties,
                _ => [],
            };
            foreach (var code in needed.Where(c => !snapshot.Populations.ContainsKey(c)).Order())
            {
                var name = known.TryGetValue(code, out var party) ? party.Name : code.Value;
                problems.Add($"budget {budget.Key} line {line.Number} ({line.Text}) needs {code} ({name}), which the response lacks");
            }
        }

        if (problems.Count > 0)
        {
            throw new ScbDataException($"Population snapshot '{snapshot.Id}': {string.Join("; ", problems)}. Nothing was recorded.");
        }
    }
}

/// <summary>The snapshot imported, and whether anything was written (false: it was already there, the same).</summary>
public sealed record PopulationImportResult(PopulationSnapshot Snapshot, bool Recorded);
