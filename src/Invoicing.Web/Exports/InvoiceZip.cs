using System.IO.Compression;
using Invoicing.Invoices;

namespace Invoicing.Web.Exports;

/// <summary>
/// Writes a ZIP of invoice PDFs straight to a stream (the HTTP response): one entry at a time, each copied from
/// its blob into the entry as it downloads, so memory holds a copy buffer and the deflater, never a whole PDF
/// and never the archive. The response cannot seek, so entries carry data descriptors; and since Kestrel and the
/// Functions worker refuse synchronous writes, which closing an entry still makes, the archive writes through a
/// <see cref="DeferredSyncWriteStream"/>.
/// </summary>
public static class InvoiceZip
{
    public static string EntryName(IssuedDocument invoice) => $"faktura-{invoice.Number}.pdf";

    public static string EInvoiceEntryName(IssuedDocument invoice) => $"e-faktura-{invoice.Number}.xml";

    /// <returns>The most bytes held back from <paramref name="destination"/> at any one time (see <see cref="DeferredSyncWriteStream"/>).</returns>
    /// <param name="eInvoices">The e-invoices (UBL) instead of the PDFs; invoices issued as PDF only are left out.</param>
    public static async Task<int> WriteAsync(Stream destination, IEnumerable<IssuedDocument> invoices, InvoiceArchive archive, CancellationToken cancellationToken, bool eInvoices = false)
    {
        await using var output = new DeferredSyncWriteStream(destination);
        await using (var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            foreach (var invoice in invoices)
            {
                if (!eInvoices)
                {
                    await AddAsync(zip, EntryName(invoice), Storage.StorageNames.InvoicesContainer, invoice.BlobName, invoice, archive, cancellationToken);
                }
                else if (invoice.EInvoiceBlobName is { } ubl)
                {
                    await AddAsync(zip, EInvoiceEntryName(invoice), Storage.StorageNames.EInvoicesContainer, ubl, invoice, archive, cancellationToken);
                }
            }
        }

        await output.FlushAsync(cancellationToken);
        return output.PeakDeferredBytes;
    }

    private static async Task AddAsync(
        ZipArchive zip, string entryName, string container, string blobName, IssuedDocument invoice, InvoiceArchive archive, CancellationToken cancellationToken)
    {
        // PDFs are mostly compressed already; the fastest level still shrinks the embedded font and costs little CPU.
        var entry = zip.CreateEntry(entryName, CompressionLevel.Fastest);

        // The issue date rather than the time of download, so the same year gives the same archive.
        entry.LastWriteTime = new DateTimeOffset(invoice.IssueDate.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        await using var content = await entry.OpenAsync(cancellationToken);
        await archive.DownloadToAsync(container, blobName, content, cancellationToken);
    }
}
