using Azure;
using Azure.Data.Tables;
using Invoicing.Storage;

namespace Invoicing.Testing;

/// <summary>
/// Every row of every table and every blob of every container the product uses, each with its ETag: two equal
/// snapshots mean nothing was written, changed or deleted in between. A table or container that does not
/// exist yet counts as empty.
/// </summary>
public static class StorageContents
{
    public static async Task<IReadOnlyList<string>> TakeAsync(InvoicingStorage storage)
    {
        var items = new List<string>();
        foreach (var table in InvoicingStorage.TableNames)
        {
            try
            {
                await foreach (var entity in storage.Table(table).QueryAsync<TableEntity>())
                {
                    items.Add($"table {table}|{entity.PartitionKey}|{entity.RowKey}|{entity.ETag}");
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Not created yet: empty.
            }
        }

        foreach (var container in InvoicingStorage.ContainerNames)
        {
            try
            {
                await foreach (var blob in storage.Container(container).GetBlobsAsync())
                {
                    items.Add($"blob {container}|{blob.Name}|{blob.Properties.ETag}");
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Not created yet: empty.
            }
        }

        items.Sort(StringComparer.Ordinal);
        return items;
    }
}
