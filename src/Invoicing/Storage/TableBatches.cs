using Azure.Data.Tables;

namespace Invoicing.Storage;

/// <summary>Entity group transactions: at most 100 actions, all in one partition, all or nothing.</summary>
internal static class TableBatches
{
    public const int MaxActions = 100;

    /// <summary>Upserts entities, one atomic transaction per partition and hundred entities.</summary>
    public static async Task UpsertAsync(this TableClient table, IEnumerable<ITableEntity> entities, CancellationToken cancellationToken)
    {
        foreach (var partition in entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(MaxActions))
            {
                await table.SubmitTransactionAsync(
                    chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)),
                    cancellationToken);
            }
        }
    }
}
