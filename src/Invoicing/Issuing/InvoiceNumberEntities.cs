using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Invoicing.Budgets;
using Invoicing.Parties;

namespace Invoicing.Issuing;

/// <summary>
/// Table <c>InvoiceNumbers</c>, the counter row: partition = <c>{issuer}:{year}</c>, row key <c>counter</c>.
/// It moves forward only in the same transaction that records the number's reservation.
/// </summary>
internal sealed class InvoiceCounterEntity : ITableEntity
{
    public const string Key = "counter";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = Key;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public int LastSequence { get; set; }
}

/// <summary>
/// Table <c>InvoiceNumbers</c>, a reservation row: partition = <c>{issuer}:{year}</c>, row key =
/// <c>{scheme}:{debtor}</c> for the budget as first approved, <c>{scheme}:{debtor}:r{N}</c> for the document of
/// revision N, and <c>{scheme}:{debtor}:void-{number}</c> for the credit note voiding invoice {number}, so each debtor
/// gets at most one document per scheme, year and revision, and an invoice is voided once.
/// </summary>
internal sealed class InvoiceReservationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Scheme { get; set; } = "";

    public string DebtorCode { get; set; } = "";

    public int Sequence { get; set; }

    public string Number { get; set; } = "";

    public string IssueDate { get; set; } = "";

    public string DueDate { get; set; } = "";

    public DateTimeOffset ReservedAt { get; set; }

    /// <summary>The invoice a void's credit note voids; null on other reservations.</summary>
    public string? Voids { get; set; }

    /// <summary>The reason a void was begun with; null on other reservations.</summary>
    public string? Reason { get; set; }

    public static string PartitionKeyFor(string issuerId, int year) => $"{issuerId}:{year.ToString("0000", CultureInfo.InvariantCulture)}";

    public static string RowKeyFor(SchemeId scheme, PartyCode debtor, int revision = 0) =>
        revision == 0 ? $"{scheme}:{debtor}" : $"{scheme}:{debtor}:r{revision.ToString(CultureInfo.InvariantCulture)}";

    public static string RowKeyFor(SchemeId scheme, NumberRequest request) =>
        request.Voids is { } voids ? VoidRowKeyFor(scheme, request.Debtor, voids) : RowKeyFor(scheme, request.Debtor, request.Revision);

    public static string VoidRowKeyFor(SchemeId scheme, PartyCode debtor, InvoiceNumber voids) => $"{scheme}:{debtor}:void-{voids}";

    /// <summary>A reservation row read in one query with the counter (hence untyped).</summary>
    public static InvoiceReservationEntity From(TableEntity entity) => new()
    {
        PartitionKey = entity.PartitionKey,
        RowKey = entity.RowKey,
        ETag = entity.ETag,
        Scheme = entity.GetString(nameof(Scheme)) ?? "",
        DebtorCode = entity.GetString(nameof(DebtorCode)) ?? "",
        Sequence = entity.GetInt32(nameof(Sequence)) ?? 0,
        Number = entity.GetString(nameof(Number)) ?? "",
        IssueDate = entity.GetString(nameof(IssueDate)) ?? "",
        DueDate = entity.GetString(nameof(DueDate)) ?? "",
        ReservedAt = entity.GetDateTimeOffset(nameof(ReservedAt)) ?? default,
        Voids = entity.GetString(nameof(Voids)),
        Reason = entity.GetString(nameof(Reason)),
    };

    public InvoiceReservation ToReservation(int year) => new(
        new SchemeId(Scheme),
        new PartyCode(DebtorCode),
        new InvoiceNumber(year, Sequence),
        IsoDate.Parse(IssueDate),
        IsoDate.Parse(DueDate))
    {
        Voids = Voids is null ? null : InvoiceNumber.Parse(Voids),
        Reason = Reason,
    };
}
