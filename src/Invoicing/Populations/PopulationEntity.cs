using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Invoicing.Populations;

/// <summary>
/// Table <c>PopulationSnapshots</c>: partition = snapshot id, row key = party code. Source and reference date
/// stand on every row so a snapshot is read whole with one partition query.
/// </summary>
internal sealed class PopulationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Source { get; set; } = "";

    /// <summary>ISO date, <c>yyyy-MM-dd</c>.</summary>
    public string ReferenceDate { get; set; } = "";

    public long Population { get; set; }

    public static IEnumerable<PopulationEntity> From(PopulationSnapshot snapshot) =>
        snapshot.Populations.Select(p => new PopulationEntity
        {
            PartitionKey = snapshot.Id,
            RowKey = p.Key.Value,
            Source = snapshot.Source,
            ReferenceDate = snapshot.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Population = p.Value,
        });
}
