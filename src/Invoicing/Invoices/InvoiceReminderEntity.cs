using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using Invoicing.Documents;

namespace Invoicing.Invoices;

/// <summary>
/// Table <c>Invoices</c>, a reminder record: partition = the invoice's, row key = <c>{number}-R-{level}</c>.
/// Inserted in the same transaction that raises the invoice's reminder level, so each level exists once.
/// </summary>
internal sealed class InvoiceReminderEntity : ITableEntity
{
    public const string Record = "Reminder";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string RecordType { get; set; } = Record;

    public string InvoiceNumber { get; set; } = "";

    public int Level { get; set; }

    public string RemindedOn { get; set; } = "";

    public string NewDueDate { get; set; } = "";

    public long RemainingOre { get; set; }

    public long FeeOre { get; set; }

    public long InterestOre { get; set; }

    public string BlobName { get; set; } = "";

    public string OutboxMessageId { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>
    /// The statement the reminder prints: a JSON array of <c>{"text", "ore"}</c> (non-ASCII escaped), summing to
    /// <see cref="RemainingOre"/>.
    /// </summary>
    public string? LinesJson { get; set; }

    public static string RowKeyFor(InvoiceNumber number, int level) => $"{number}-R-{level}";

    /// <summary>The row that records <paramref name="reminder"/> of <paramref name="invoice"/>.</summary>
    public static InvoiceReminderEntity From(InvoiceKey invoice, ReminderRecord reminder) => new()
    {
        PartitionKey = InvoiceEntity.PartitionKeyFor(invoice.Scheme, invoice.Year),
        RowKey = RowKeyFor(reminder.Invoice, reminder.Level),
        InvoiceNumber = reminder.Invoice.ToString(),
        Level = reminder.Level,
        RemindedOn = IsoDate.Format(reminder.RemindedOn),
        NewDueDate = IsoDate.Format(reminder.NewDueDate),
        RemainingOre = reminder.Remaining.Ore,
        FeeOre = reminder.Fee.Ore,
        InterestOre = reminder.Interest.Ore,
        BlobName = reminder.BlobName,
        OutboxMessageId = reminder.OutboxMessageId,
        RecordedAt = reminder.RecordedAt,
        LinesJson = LinesJsonFor(reminder.Lines),
    };

    public ReminderRecord ToRecord() => new(
        Invoicing.InvoiceNumber.Parse(InvoiceNumber), Level, IsoDate.Parse(RemindedOn), IsoDate.Parse(NewDueDate),
        new Money(RemainingOre), new Money(FeeOre), new Money(InterestOre), BlobName, OutboxMessageId, RecordedAt)
    {
        Lines = [.. (JsonSerializer.Deserialize<LineJson[]>(LinesJson ?? throw new InvalidDataException($"Table Invoices, reminder {RowKey}: no statement.")) ?? []).Select(l => new DocumentLine(l.Text, new Money(l.Ore)))],
    };

    public static string LinesJsonFor(IReadOnlyList<DocumentLine> lines) =>
        JsonSerializer.Serialize(lines.Select(l => new LineJson(l.Description, l.Amount.Ore)));

    private sealed record LineJson([property: JsonPropertyName("text")] string Text, [property: JsonPropertyName("ore")] long Ore);
}
