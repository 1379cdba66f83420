using Azure;
using Azure.Data.Tables;

namespace Invoicing.Invoices;

/// <summary>
/// Table <c>Invoices</c>, the index of open items: partition = the invoice's, row key =
/// <c>D-{due date yyyyMMdd}-{number}</c>, one row for each invoice that still lacks money on its own rows and is not
/// handed to a person (what the daily reminder run looks at). Written and removed by <see cref="InvoiceStore"/> in the
/// same entity group transaction that changes the invoice, so the index is never behind the invoice; the run reads it
/// instead of scanning every year's invoices, payments and reminders (issue 24: its cost grew with each year of history).
/// </summary>
internal sealed class OpenItemEntity : ITableEntity
{
    public const string Record = "OpenItem";

    private const string Prefix = "D-";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string RecordType { get; set; } = Record;

    public string InvoiceNumber { get; set; } = "";

    /// <summary>The first and the last row key an index row of a partition can have.</summary>
    public static (string From, string To) RowKeyRange => (Prefix, "D.");

    /// <summary>Whether the invoice row belongs in the index: the reminder run's candidates, by one rule.</summary>
    public static bool IsOpen(InvoiceEntity invoice) =>
        invoice.RecordType == InvoiceEntity.InvoiceRecord && invoice.AmountDueOre > 0 && !invoice.NeedsManualFollowUp;

    private static string RowKeyFor(InvoiceEntity invoice) => $"{Prefix}{invoice.DueDate.Replace("-", "", StringComparison.Ordinal)}-{invoice.RowKey}";

    /// <summary>
    /// What the index needs when an invoice row goes from <paramref name="before"/> (null: a new invoice) to
    /// <paramref name="after"/>: nothing, its row added, its row removed, or moved to another due date. At most two actions.
    /// </summary>
    public static IEnumerable<TableTransactionAction> Changes(InvoiceEntity? before, InvoiceEntity after)
    {
        var was = before is not null && IsOpen(before) ? RowKeyFor(before) : null;
        var now = IsOpen(after) ? RowKeyFor(after) : null;
        if (was == now)
        {
            yield break;
        }

        if (was is not null)
        {
            yield return new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(after.PartitionKey, was), ETag.All);
        }

        if (now is not null)
        {
            yield return new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new OpenItemEntity { PartitionKey = after.PartitionKey, RowKey = now, InvoiceNumber = after.RowKey });
        }
    }
}

/// <summary>
/// Table <c>Invoices</c>, partition <c>partitions</c>: one row per scheme and year that has invoices (row key = that
/// partition's key), so the open items are found partition by partition without a scan of the whole table. Written,
/// idempotently, before a partition's first invoice; the reminder run adds what it found (<see cref="NoOpenItemsAtVersion"/>).
/// </summary>
internal sealed class InvoicePartitionEntity : ITableEntity
{
    public const string Partition = "partitions";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string RecordType { get; set; } = "Partition";

    /// <summary>
    /// The year's version (<see cref="YearVersionEntity"/>'s ETag) at which the reminder run found its index of open
    /// items empty; null when it has not. Every transaction that could open an item moves that version in the same
    /// transaction, so while the version is still this one the year has nothing open and its index is not asked. A
    /// note of what was read, not a change to the ledger: it names no document and decides nothing a reader sees.
    /// </summary>
    public string? NoOpenItemsAtVersion { get; set; }
}
