using System.Security.Cryptography;
using Invoicing.Invoices;
using Invoicing.Reminders;

namespace Invoicing.Cli.Commands;

/// <summary>
/// Copies invoice PDFs, UBL e-invoices and reminder PDFs out of Blob Storage into a folder, each checked against the
/// SHA-256 recorded for it and moved into place only when whole, so a folder never holds a half-written or altered
/// document.
/// </summary>
internal static class InvoiceFiles
{
    public static Task<string> SaveAsync(InvoiceArchive archive, IssuedDocument invoice, string directory, CancellationToken cancellationToken) =>
        SaveAsync(archive, Storage.StorageNames.InvoicesContainer, invoice.BlobName, invoice.PdfSha256, $"{invoice.Number}.pdf", $"Invoice {invoice.Number}", directory, cancellationToken);

    /// <summary>The invoice's UBL e-invoice; an invoice issued as PDF only is refused with the recorded reason.</summary>
    public static Task<string> SaveEInvoiceAsync(InvoiceArchive archive, IssuedDocument invoice, string directory, CancellationToken cancellationToken) =>
        invoice.EInvoiceBlobName is { } blobName
            ? SaveAsync(archive, Storage.StorageNames.EInvoicesContainer, blobName, invoice.EInvoiceSha256 ?? "", $"{invoice.Number}.xml", $"Invoice {invoice.Number}", directory, cancellationToken)
            : throw new CliException($"Invoice {invoice.Number} is PDF only: {invoice.EInvoiceMissingReason ?? "issued before e-invoices"}. Its PDF is the invoice.");

    /// <summary>A reminder's PDF as it was sent, checked against the SHA-256 recorded with the blob when it was written.</summary>
    public static async Task<string> SaveReminderAsync(InvoiceArchive archive, ReminderRecord reminder, string directory, CancellationToken cancellationToken)
    {
        var container = Storage.StorageNames.RemindersContainer;
        if (!await archive.ExistsAsync(container, reminder.BlobName, cancellationToken))
        {
            throw new CliException($"Reminder {reminder.Level} of invoice {reminder.Invoice} is recorded but its PDF is not written yet; the next reminder run (./invoicing remind) writes it.");
        }

        var recorded = await archive.ReadSha256Async(container, reminder.BlobName, cancellationToken);
        return await SaveAsync(archive, container, reminder.BlobName, recorded, reminder.FileName, $"Reminder {reminder.Level} of invoice {reminder.Invoice}", directory, cancellationToken);
    }

    private static async Task<string> SaveAsync(
        InvoiceArchive archive, string container, string blobName, string recordedSha256, string fileName, string what, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, fileName);
        var temporary = target + ".part";
        await using (var file = File.Create(temporary))
        {
            await archive.DownloadToAsync(container, blobName, file, cancellationToken);
        }

        string sha256;
        await using (var written = File.OpenRead(temporary))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(written, cancellationToken));
        }

        if (!string.Equals(sha256, recordedSha256, StringComparison.Ordinal))
        {
            File.Delete(temporary);
            throw new CliException($"{what}: {container}/{blobName} has SHA-256 {sha256}, but {recordedSha256} was recorded. Not saved.");
        }

        File.Move(temporary, target, overwrite: true);
        return target;
    }
}
