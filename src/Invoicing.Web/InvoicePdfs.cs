using System.Security.Cryptography;
using Invoicing.Invoices;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace Invoicing.Web;

/// <summary>
/// Invoice PDFs kept in memory by the SHA-256 their invoice row records, so a PDF asked for again is not read from its
/// blob again (issue 24, goal 5).
/// <para>
/// Why it is safe: a PDF is written once and never replaced (<see cref="InvoiceArchive"/>), and its row records the
/// SHA-256 of what was written. Bytes are kept only under the hash they have, so what is served from memory is byte for
/// byte the recorded document. A voided or credited invoice keeps its PDF (a credit note is a document of its own).
/// Only the blob read is saved: the caller still finds the invoice as recorded (its row, or the year's kept read:
/// <see cref="YearDocuments.FindRecordedAsync"/>) and makes every check it made before (the invoice exists; for a
/// member, it is the member's own) before asking for the bytes, so a kept PDF never reaches a caller that could not
/// have fetched it from the blob.
/// </para>
/// <para>
/// Bounded: at most <see cref="MaxBytes"/> of PDFs; when more would be kept, the least recently used are dropped. A
/// PDF without a recorded hash is read from its blob every time.
/// </para>
/// </summary>
public sealed class InvoicePdfs(InvoiceArchive archive) : IDisposable
{
    /// <summary>About 2 300 invoice PDFs of the bundled layout (about 28 KB each): a national scheme's year is 311.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private readonly MemoryCache _pdfs = new(new MemoryCacheOptions { SizeLimit = MaxBytes });

    /// <summary>The PDF of <paramref name="document"/>, which the caller has found and may see.</summary>
    public async Task<byte[]> ReadAsync(IssuedDocument document, CancellationToken cancellationToken)
    {
        var recorded = document.PdfSha256;
        if (recorded.Length > 0 && _pdfs.TryGetValue(recorded, out byte[]? kept))
        {
            return kept!;
        }

        using var buffer = new MemoryStream();
        await archive.DownloadToAsync(document.BlobName, buffer, cancellationToken);
        var pdf = buffer.ToArray();
        if (recorded.Length > 0 && string.Equals(Convert.ToHexStringLower(SHA256.HashData(pdf)), recorded, StringComparison.OrdinalIgnoreCase))
        {
            _pdfs.Set(recorded, pdf, new MemoryCacheEntryOptions { Size = pdf.Length });
        }

        return pdf;
    }

    /// <summary>The PDF's entity tag: its recorded SHA-256, which names its content; null when none is recorded.</summary>
    public static EntityTagHeaderValue? EntityTagOf(IssuedDocument document) =>
        document.PdfSha256.Length > 0 ? new EntityTagHeaderValue($"\"{document.PdfSha256}\"") : null;

    public void Dispose() => _pdfs.Dispose();
}
