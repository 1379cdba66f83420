using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Invoicing.Budgets;
using Invoicing.Invoices;

namespace Invoicing.Mail;

/// <summary>
/// Table <c>Outbox</c>: one partition, <c>outbox</c>, row key = message id. The table holds a few hundred
/// messages a year and every question asked of it is "all of them in a state", so one partition answers each
/// with a single query; a partition per kind would turn that into one query per kind for nothing.
/// Attachments are a JSON array (blob references, not content); the invoice to watch is stored as
/// <c>{scheme}/{year}/{number}</c>.
/// </summary>
internal sealed class OutboxEntity : ITableEntity
{
    public const string Partition = "outbox";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Kind { get; set; } = "";

    public string? To { get; set; }

    public string Subject { get; set; } = "";

    public string TextBody { get; set; } = "";

    /// <summary>JSON array of <c>{ container, blobName, fileName, contentType }</c>.</summary>
    public string AttachmentsJson { get; set; } = "[]";

    public string? CancelIfPaid { get; set; }

    public string State { get; set; } = nameof(OutboxState.Pending);

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public static OutboxEntity From(OutboxEntry entry) => new()
    {
        RowKey = entry.Id,
        Kind = entry.Kind,
        To = entry.To,
        Subject = entry.Subject,
        TextBody = entry.TextBody,
        AttachmentsJson = JsonSerializer.Serialize(entry.Attachments.Select(a => new AttachmentJson(a.Container, a.BlobName, a.FileName, a.ContentType)), Json),
        CancelIfPaid = entry.CancelIfPaid?.ToString(),
        State = entry.State.ToString(),
        Attempts = entry.Attempts,
        LastError = entry.LastError,
        CreatedAt = entry.CreatedAt,
        ClaimedAt = entry.ClaimedAt,
        SentAt = entry.SentAt,
        NextAttemptAt = entry.NextAttemptAt,
    };

    public OutboxEntry ToEntry()
    {
        try
        {
            var attachments = JsonSerializer.Deserialize<AttachmentJson[]>(AttachmentsJson, Json) ?? [];
            return new OutboxEntry(
                RowKey,
                Kind,
                To,
                Subject,
                TextBody,
                attachments.Select(a => new OutboxAttachment(a.Container, a.BlobName, a.FileName, a.ContentType)).ToArray(),
                CancelIfPaid is null ? null : ParseInvoiceKey(CancelIfPaid),
                Enum.Parse<OutboxState>(State),
                Attempts,
                LastError,
                CreatedAt,
                ClaimedAt,
                SentAt,
                NextAttemptAt);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            throw new InvalidDataException($"Table Outbox, row {RowKey}: {e.Message}", e);
        }
    }

    private static InvoiceKey ParseInvoiceKey(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 3)
        {
            throw new FormatException($"CancelIfPaid '{text}' must be scheme/year/number.");
        }

        return new InvoiceKey(new SchemeId(parts[0]), int.Parse(parts[1], CultureInfo.InvariantCulture), InvoiceNumber.Parse(parts[2]));
    }

    private sealed record AttachmentJson(string Container, string BlobName, string FileName, string ContentType);
}
