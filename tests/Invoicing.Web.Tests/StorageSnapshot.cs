using Azure.Data.Tables;
using Invoicing.Storage;

namespace Invoicing.Web.Tests;

/// <summary>
/// Every row of the tables a payment or bank file could write (invoices with their payment and reminder rows,
/// the unmatched list) with its ETag: two equal snapshots mean nothing was written in between.
/// </summary>
internal static class StorageSnapshot
{
    public static async Task<IReadOnlyList<string>> TakeAsync(WebWorld world)
    {
        var storage = world.Get<InvoicingStorage>();
        var rows = new List<string>();
        foreach (var table in new[] { StorageNames.Invoices, StorageNames.UnmatchedPayments })
        {
            await foreach (var entity in storage.Table(table).QueryAsync<TableEntity>())
            {
                rows.Add($"{table}|{entity.PartitionKey}|{entity.RowKey}|{entity.ETag}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
