namespace Invoicing.Invoices;

/// <summary>
/// A reminder as recorded: its level, date, what it asked for, the statement it printed (<see cref="Lines"/>, from
/// <c>Reminders.ReminderStatement</c>, summing to <see cref="Remaining"/>), and where its PDF and e-mail are.
/// </summary>
public sealed record ReminderRecord(
    InvoiceNumber Invoice,
    int Level,
    DateOnly RemindedOn,
    DateOnly NewDueDate,
    Money Remaining,
    Money Fee,
    Money Interest,
    string BlobName,
    string OutboxMessageId,
    DateTimeOffset RecordedAt)
{
    public IReadOnlyList<Documents.DocumentLine> Lines { get; init; } = [];

    public Money Total => Remaining + Fee + Interest;

    public static string BlobNameFor(InvoiceKey invoice, int level) => $"{invoice.Scheme}/{invoice.Year}/{invoice.Number}-{level}.pdf";

    /// <summary>The file name the reminder is sent and downloaded as: <c>paminnelse-{number}-{level}.pdf</c>.</summary>
    public string FileName => $"paminnelse-{Invoice}-{Level}.pdf";

    public static string MessageIdFor(InvoiceKey invoice, int level) => $"reminder-{invoice.Scheme}-{invoice.Year}-{invoice.Number}-{level}";
}
