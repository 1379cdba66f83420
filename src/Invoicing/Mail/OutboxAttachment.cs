using Invoicing.Storage;

namespace Invoicing.Mail;

/// <summary>
/// A document attached to an outbox message, read from blob storage when the message is sent (so the outbox
/// row stays small). <see cref="Container"/> is a <see cref="StorageNames"/> container, e.g. <c>invoices</c>.
/// </summary>
public sealed record OutboxAttachment(string Container, string BlobName, string FileName, string ContentType = "application/pdf")
{
    public string Container { get; } = InvoicingStorage.ContainerNames.Contains(Container, StringComparer.Ordinal)
        ? Container
        : throw new ArgumentException($"Attachment container '{Container}' is not one of {string.Join(", ", InvoicingStorage.ContainerNames)}.", nameof(Container));

    public string BlobName { get; } = Bounded(BlobName, 1024, nameof(BlobName));

    public string FileName { get; } = Bounded(FileName, 255, nameof(FileName));

    public string ContentType { get; } = MimeKit.ContentType.TryParse(ContentType, out _)
        ? ContentType
        : throw new ArgumentException($"Attachment content type '{ContentType}' is not a MIME type.", nameof(ContentType));

    private static string Bounded(string value, int maxLength, string name) =>
        string.IsNullOrWhiteSpace(value) || value.Length > maxLength
            ? throw new ArgumentException($"Attachment {name} must be 1 to {maxLength} characters.", name)
            : value;
}
