using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Invoicing.Budgets;

/// <summary>
/// Table <c>Budgets</c>, a revision row: partition = scheme, row key <c>{year}-R{NNN}</c>, next to the budget's
/// header and lines so approving a revision and moving the header to it is one transaction. Its state is in
/// <see cref="RevisionStatus"/> (not <c>Status</c>, which the query for approved budget headers reads).
/// </summary>
internal sealed class BudgetRevisionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary><c>Draft</c> or <c>Approved</c>.</summary>
    public string RevisionStatus { get; set; } = Draft;

    /// <summary>Blob in <c>budget-revisions</c> with the revision's dataset files, named by their SHA-256.</summary>
    public string DatasetBlob { get; set; } = "";

    public string PlanFingerprint { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public string? DecidedOn { get; set; }

    public string? DecisionReference { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public const string Draft = "Draft";
    public const string Approved = "Approved";

    public static string RowKeyFor(int year, int number) =>
        $"{year.ToString("0000", CultureInfo.InvariantCulture)}-R{number.ToString("000", CultureInfo.InvariantCulture)}";

    public static (string After, string Before) RangeFor(int year) =>
        ($"{year.ToString("0000", CultureInfo.InvariantCulture)}-R", $"{year.ToString("0000", CultureInfo.InvariantCulture)}-S");

    public BudgetRevision ToRevision()
    {
        try
        {
            var year = int.Parse(RowKey[..4], CultureInfo.InvariantCulture);
            var number = int.Parse(RowKey[6..], CultureInfo.InvariantCulture);
            return new BudgetRevision(new SchemeId(PartitionKey), year, number, DatasetBlob, PlanFingerprint, RecordedAt)
            {
                Decision = RevisionStatus == Approved ? new BudgetDecision(IsoDate.Parse(DecidedOn ?? ""), DecisionReference ?? "") : null,
                ApprovedAt = ApprovedAt,
            };
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"Table Budgets, partition {PartitionKey}, row {RowKey}: {e.Message}", e);
        }
    }
}
