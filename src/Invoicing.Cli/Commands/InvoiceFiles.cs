using System.Security.Cryptography;
using Invoicing.Invoices;

namespace Invoicing.Cli.Commands;

/// <summary>
/// Copies invoice PDFs or UBL e-invoices out of Blob Storage into a folder, each checked against the SHA-256
/// recorded on its invoice and moved into place only when whole, so a folder never holds a half-written or
/// altered document.
/// </summary>
internal static class InvoiceFiles
{
    public static Task<string> SaveAsync(InvoiceArchive archive, Invoice invoice, string directory, CancellationToken cancellationToken) =>
        SaveAsync(archive, Storage.StorageNames.InvoicesContainer, invoice.BlobName, invoice.PdfSha256, invoice, "pdf", directory, cancellationToken);

    /// <summary>The invoice's UBL e-invoice; an invoice issued as PDF only is refused with the recorded reason.</summary>
    public static Task<string> SaveEInvoiceAsync(InvoiceArchive archive, Invoice invoice, string directory, CancellationToken cancellationToken) =>
        invoice.EInvoiceBlobName is { } blobName
            ? SaveAsync(archive, Storage.StorageNames.EInvoicesContainer, blobName, invoice.EInvoiceSha256 ?? "", invoice, "xml", directory, cancellationToken)
            : throw new CliException($"Invoice {invoice.Number} is PDF only: {invoice.EInvoiceMissingReason ?? "issued before e-invoices"}. Its PDF is the invoice.");

    private static async Task<string> SaveAsync(
        InvoiceArchive archive, string container, string blobName, string recordedSha256, Invoice invoice, string extension, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, $"{invoice.Number}.{extension}");
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
            throw new CliException($"Invoice {invoice.Number}: {container}/{blobName} has SHA-256 {sha256}, but the invoice records {recordedSha256}. Not saved.");
        }

        File.Move(temporary, target, overwrite: true);
        return target;
    }
}
