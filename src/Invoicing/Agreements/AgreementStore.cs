using Azure;
using Azure.Data.Tables;
using Invoicing.Budgets;
using Invoicing.Storage;

namespace Invoicing.Agreements;

/// <summary>
/// The agreements of a budget as first approved (revision 0), seeded with its draft. A revision carries its own
/// <c>agreements.csv</c> in its stored files, so joining or leaving never rewrites this table.
/// </summary>
public sealed class AgreementStore(InvoicingStorage storage)
{
    private TableClient Table => storage.Table(StorageNames.Agreements);

    /// <summary>Makes the stored agreements of <paramref name="scheme"/> <paramref name="year"/> exactly <paramref name="agreements"/>.</summary>
    public async Task ReplaceAsync(SchemeId scheme, int year, AgreementTable agreements, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var entities = agreements.All.Select(a => AgreementEntity.From(scheme, year, a)).ToList();
        await Table.UpsertAsync(entities, cancellationToken);
        var keep = entities.Select(e => e.RowKey).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in (await ReadEntitiesAsync(scheme, year, cancellationToken)).Where(e => !keep.Contains(e.RowKey)))
        {
            await Table.DeleteEntityAsync(stale.PartitionKey, stale.RowKey, ETag.All, cancellationToken);
        }
    }

    public async Task<AgreementTable> GetAsync(SchemeId scheme, int year, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        return new AgreementTable((await ReadEntitiesAsync(scheme, year, cancellationToken)).Select(e => e.ToAgreement()));
    }

    private async Task<List<AgreementEntity>> ReadEntitiesAsync(SchemeId scheme, int year, CancellationToken cancellationToken)
    {
        var partition = AgreementEntity.Partition(scheme, year);
        var entities = new List<AgreementEntity>();
        await foreach (var entity in Table.QueryAsync<AgreementEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            entities.Add(entity);
        }

        return entities;
    }
}
