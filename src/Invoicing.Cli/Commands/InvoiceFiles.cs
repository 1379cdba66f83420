using System.Security.Cryptography;
using Invoicing.Invoices;

namespace Invoicing.Cli.Commands;

/// <summary>
/// Copies invoice PDFs out of Blob Storage into a folder, each checked against the SHA-256 recorded on its
/// invoice and moved into place only when whole, so a folder never holds a half-written or altered PDF.
/// </summary>
internal static class InvoiceFiles
{
    public static async Task<string> SaveAsync(InvoiceArchive archive, Invoice invoice, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, $"{invoice.Number}.pdf");
        var temporary = target + ".part";
        await using (var file = File.Create(temporary))
        {
            await archive.DownloadToAsync(invoice.BlobName, file, cancellationToken);
        }

        string sha256;
        await using (var written = File.OpenRead(temporary))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(written, cancellationToken));
        }

        if (!string.Equals(sha256, invoice.PdfSha256, StringComparison.Ordinal))
        {
            File.Delete(temporary);
            throw new CliException($"Invoice {invoice.Number}: the PDF in {invoice.BlobName} has SHA-256 {sha256}, but the invoice records {invoice.PdfSha256}. Not saved.");
        }

        File.Move(temporary, target, overwrite: true);
        return target;
    }
}
