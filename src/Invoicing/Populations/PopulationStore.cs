using System.Globalization;
using Invoicing.Parties;
using Invoicing.Storage;

namespace Invoicing.Populations;

/// <summary>The population tables that pools are split by.</summary>
public sealed class PopulationStore(InvoicingStorage storage)
{
    public async Task SaveAsync(PopulationSnapshot snapshot, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        await storage.Table(StorageNames.PopulationSnapshots).UpsertAsync(PopulationEntity.From(snapshot), cancellationToken);
    }

    /// <summary>The snapshots with these ids that exist; a missing id is simply absent from the result.</summary>
    public async Task<IReadOnlyDictionary<string, PopulationSnapshot>> GetAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var result = new Dictionary<string, PopulationSnapshot>(StringComparer.Ordinal);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var rows = new List<PopulationEntity>();
            await foreach (var row in storage.Table(StorageNames.PopulationSnapshots)
                .QueryAsync<PopulationEntity>(e => e.PartitionKey == id, cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }

            if (rows.Count > 0)
            {
                result[id] = ToSnapshot(id, rows);
            }
        }

        return result;
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
