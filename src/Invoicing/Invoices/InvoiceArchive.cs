using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Invoicing.Storage;

namespace Invoicing.Invoices;

/// <summary>
/// The product's documents: invoice PDFs in the <c>invoices</c> container, reminders in <c>reminders</c>. A
/// document is written once and never replaced (<c>If-None-Match: *</c>); its SHA-256 travels in the blob's
/// metadata so a repeated write can tell what is already there without downloading it.
/// </summary>
public sealed class InvoiceArchive(InvoicingStorage storage)
{
    public const string Sha256Metadata = "sha256";

    /// <summary>Writes an invoice PDF unless the blob exists; returns the SHA-256 of what the blob holds.</summary>
    public Task<(string Sha256, bool Created)> WriteIfAbsentAsync(string blobName, byte[] pdf, CancellationToken cancellationToken) =>
        WriteIfAbsentAsync(StorageNames.InvoicesContainer, blobName, pdf, cancellationToken);

    /// <summary>Writes a document (a PDF unless <paramref name="contentType"/> says otherwise) to a container unless the blob exists; returns the SHA-256 of what the blob holds.</summary>
    public async Task<(string Sha256, bool Created)> WriteIfAbsentAsync(
        string container, string blobName, byte[] pdf, CancellationToken cancellationToken, string contentType = "application/pdf")
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var blob = storage.Container(container).GetBlobClient(blobName);
        try
        {
            await blob.UploadAsync(
                new BinaryData(pdf),
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                    Metadata = new Dictionary<string, string> { [Sha256Metadata] = sha256 },
                },
                cancellationToken);
            return (sha256, true);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return (await ReadSha256Async(blob, cancellationToken), false);
        }
    }

    public async Task<bool> ExistsAsync(string container, string blobName, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        return await storage.Container(container).GetBlobClient(blobName).ExistsAsync(cancellationToken);
    }

    public Task DownloadToAsync(string blobName, Stream destination, CancellationToken cancellationToken) =>
        DownloadToAsync(StorageNames.InvoicesContainer, blobName, destination, cancellationToken);

    public async Task DownloadToAsync(string container, string blobName, Stream destination, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        await storage.Container(container).GetBlobClient(blobName).DownloadToAsync(destination, cancellationToken);
    }

    /// <summary>The SHA-256 of a document as recorded when it was written (or computed from its content when it has none).</summary>
    public async Task<string> ReadSha256Async(string container, string blobName, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        return await ReadSha256Async(storage.Container(container).GetBlobClient(blobName), cancellationToken);
    }

    private static async Task<string> ReadSha256Async(BlobClient blob, CancellationToken cancellationToken)
    {
        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        if (properties.Value.Metadata.TryGetValue(Sha256Metadata, out var recorded))
        {
            return recorded;
        }

        await using var content = await blob.OpenReadAsync(cancellationToken: cancellationToken);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
    }
}
