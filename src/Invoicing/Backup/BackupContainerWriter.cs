using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Invoicing.Backup;

/// <summary>
/// A backup written as blobs under a prefix of a container (the nightly one: <c>backups/yyyy-MM-dd/…</c>). Every
/// upload is conditional on the blob not existing (<c>If-None-Match: *</c>), so nothing is ever overwritten.
/// </summary>
public sealed class BackupContainerWriter(BlobContainerClient container, string prefix) : IBackupWriter
{
    public string Location => $"{container.Name}/{prefix}";

    public async Task<bool> WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        try
        {
            await container.GetBlobClient(prefix + path).UploadAsync(
                BinaryData.FromBytes(content),
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = path.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "application/x-ndjson" },
                },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }
}
