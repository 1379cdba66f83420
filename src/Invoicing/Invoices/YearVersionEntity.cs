using Azure;
using Azure.Data.Tables;

namespace Invoicing.Invoices;

/// <summary>
/// Table <c>Invoices</c>, one row in each scheme's year partition (row key <c>version</c>), rewritten by every entity
/// group transaction that adds or changes a document row of that partition, as one more action of that transaction. So
/// its ETag changes whenever the year's documents may have, atomically with them: a reader that read the version and
/// then the year's documents may answer with what it read for as long as the version stands (the API under load,
/// issue 24, goal 5), whichever process or instance makes the next change. It holds nothing else.
/// </summary>
internal sealed class YearVersionEntity : ITableEntity
{
    public const string Record = "YearVersion";

    /// <summary>Not a document number (digits), nor one of their rows (<c>{number}-…</c>), nor an open item (<c>D-…</c>).</summary>
    public const string Key = "version";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Key;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string RecordType { get; set; } = Record;

    /// <summary>The action that moves the version of <paramref name="partition"/> on: unconditional, so concurrent writers never conflict on it.</summary>
    public static TableTransactionAction Touching(string partition) =>
        new(TableTransactionActionType.UpsertReplace, new YearVersionEntity { PartitionKey = partition });
}
