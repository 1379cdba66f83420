using Azure.Data.Tables;
using System.Globalization;
using Invoicing.Parties;
using Invoicing.Storage;

namespace Invoicing.Populations;

/// <summary>The population tables that pools are split by.</summary>
public sealed class PopulationStore(InvoicingStorage storage)
{
    /// <summary>
    /// Saves the snapshot as its file gives it: every figure written, and the row of a party the file no longer lists
    /// deleted, so a figure never outlives the file it came from (a party kept in the dataset whose row was removed is
    /// then "without population", and said so, rather than split by last time's figure). Safe to repeat.
    /// </summary>
    public async Task SaveAsync(PopulationSnapshot snapshot, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var table = storage.Table(StorageNames.PopulationSnapshots);
        var kept = snapshot.Populations.Keys.Select(code => code.Value).ToHashSet(StringComparer.Ordinal);
        var stale = (await ReadRowsAsync(table, snapshot.Id, cancellationToken)).Where(row => !kept.Contains(row.RowKey)).ToList();
        await table.UpsertAsync(PopulationEntity.From(snapshot), cancellationToken);
        foreach (var chunk in stale.Chunk(TableBatches.MaxActions))
        {
            await table.SubmitTransactionAsync(
                chunk.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(row.PartitionKey, row.RowKey), Azure.ETag.All)),
                cancellationToken);
        }

        if (snapshot.Provenance is { } provenance)
        {
            // Last, so a snapshot with its provenance row has all its figures.
            await table.UpsertEntityAsync(PopulationProvenanceEntity.From(snapshot.Id, provenance), TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task<PopulationSnapshot?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await GetAsync([id], cancellationToken)).GetValueOrDefault(id);

    /// <summary>The snapshots with these ids that exist; a missing id is simply absent from the result.</summary>
    public async Task<IReadOnlyDictionary<string, PopulationSnapshot>> GetAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var result = new Dictionary<string, PopulationSnapshot>(StringComparer.Ordinal);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var table = storage.Table(StorageNames.PopulationSnapshots);
            // The provenance row is read while the rows are listed: two round trips at once, not one after the other
            // (awaited together, so a failure of either is the one reported and neither is left unobserved).
            var rowsRead = ReadRowsAsync(table, id, cancellationToken);
            var provenanceRead = table.GetEntityIfExistsAsync<PopulationProvenanceEntity>(id, PopulationProvenanceEntity.Key, cancellationToken: cancellationToken);
            await Task.WhenAll(rowsRead, provenanceRead);
            var (rows, provenance) = (await rowsRead, await provenanceRead);
            if (rows.Count > 0)
            {
                result[id] = ToSnapshot(id, rows) with { Provenance = provenance.HasValue ? provenance.Value!.ToProvenance() : null };
            }
        }

        return result;
    }

    /// <summary>A snapshot's population rows (every row key sorts before the provenance row's).</summary>
    private static async Task<List<PopulationEntity>> ReadRowsAsync(TableClient table, string id, CancellationToken cancellationToken)
    {
        var rows = new List<PopulationEntity>();
        await foreach (var row in table.QueryAsync<PopulationEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey lt {PopulationProvenanceEntity.Key}"), cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static PopulationSnapshot ToSnapshot(string id, List<PopulationEntity> rows)
    {
        var first = rows[0];
        var inconsistent = rows.FirstOrDefault(r => r.Source != first.Source || r.ReferenceDate != first.ReferenceDate);
        if (inconsistent is not null)
        {
            throw new InvalidDataException(
                $"Table PopulationSnapshots, snapshot '{id}', row {inconsistent.RowKey}: source/reference date differ from row {first.RowKey}; a snapshot has one source and date.");
        }

        if (!DateOnly.TryParseExact(first.ReferenceDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var referenceDate))
        {
            throw new InvalidDataException($"Table PopulationSnapshots, snapshot '{id}': reference date '{first.ReferenceDate}' is not yyyy-MM-dd.");
        }

        return new PopulationSnapshot(id, first.Source, referenceDate, rows.ToDictionary(r => new PartyCode(r.RowKey), r => r.Population));
    }
}
