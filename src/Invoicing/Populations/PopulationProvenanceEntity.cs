using Azure;
using Azure.Data.Tables;

namespace Invoicing.Populations;

/// <summary>
/// Table <c>PopulationSnapshots</c>, the provenance row of an imported snapshot: same partition, row key
/// <c>~provenance</c> (<c>~</c> is no party code's character and sorts after them all), written after the figures.
/// </summary>
internal sealed class PopulationProvenanceEntity : ITableEntity
{
    public const string Key = "~provenance";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Key;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string TableId { get; set; } = "";

    public string ContentCode { get; set; } = "";

    public DateTimeOffset? Updated { get; set; }

    public string Request { get; set; } = "";

    public PopulationProvenance ToProvenance() => new(TableId, ContentCode, Updated, Request);

    public static PopulationProvenanceEntity From(string snapshotId, PopulationProvenance provenance) => new()
    {
        PartitionKey = snapshotId,
        TableId = provenance.TableId,
        ContentCode = provenance.ContentCode,
        Updated = provenance.Updated,
        Request = provenance.Request,
    };
}
