using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Invoicing.Storage;

namespace Invoicing.Backup;

/// <summary>
/// Exports the whole store: every row of every table in <see cref="InvoicingStorage.TableNames"/> (all properties,
/// their EDM types exact) and every blob of every container in <see cref="InvoicingStorage.ContainerNames"/>
/// (name, SHA-256, length, headers, metadata, version id; with <c>blobContents</c> its bytes too), then the
/// manifest last. The <c>backups</c> container is not in that list, so a backup never contains backups.
/// </summary>
public sealed class StoreBackup(InvoicingStorage storage, TimeProvider time)
{
    public async Task<BackupManifest> WriteAsync(IBackupWriter writer, bool blobContents, CancellationToken cancellationToken)
    {
        var createdAt = time.GetUtcNow();
        var tables = new List<BackupTable>();
        foreach (var name in InvoicingStorage.TableNames)
        {
            var lines = new StringBuilder();
            long rows = 0;
            await foreach (var entity in RowsAsync(storage.Table(name), cancellationToken))
            {
                lines.Append(BackupEntity.ToJsonLine(entity)).Append('\n');
                rows++;
            }

            var file = await WriteFileAsync(writer, $"tables/{name}.jsonl", Encoding.UTF8.GetBytes(lines.ToString()), cancellationToken);
            tables.Add(new BackupTable(name, rows, file));
        }

        var containers = new List<BackupContainer>();
        var blobFiles = new Dictionary<string, BackupFile>(StringComparer.Ordinal);
        foreach (var name in InvoicingStorage.ContainerNames)
        {
            var container = storage.Container(name);
            var lines = new StringBuilder();
            long count = 0, bytes = 0;
            await foreach (var item in BlobsAsync(container, cancellationToken))
            {
                var content = (await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken)).Value;
                var data = content.Content.ToMemory();
                var sha256 = Convert.ToHexStringLower(SHA256.HashData(data.Span));
                var headers = content.Details;
                var blob = new BackupBlob
                {
                    Name = item.Name,
                    Sha256 = sha256,
                    Length = data.Length,
                    ContentType = headers.ContentType,
                    ContentEncoding = EmptyAsNull(headers.ContentEncoding),
                    ContentLanguage = EmptyAsNull(headers.ContentLanguage),
                    ContentDisposition = EmptyAsNull(headers.ContentDisposition),
                    CacheControl = EmptyAsNull(headers.CacheControl),
                    Metadata = new SortedDictionary<string, string>(headers.Metadata, StringComparer.Ordinal),
                    VersionId = headers.VersionId ?? item.VersionId,
                    LastModified = headers.LastModified,
                };
                lines.Append(blob.ToJsonLine()).Append('\n');
                count++;
                bytes += data.Length;
                if (blobContents && !blobFiles.ContainsKey(sha256))
                {
                    blobFiles[sha256] = await WriteFileAsync(writer, BlobPath(sha256), data, cancellationToken);
                }
            }

            var file = await WriteFileAsync(writer, $"containers/{name}.jsonl", Encoding.UTF8.GetBytes(lines.ToString()), cancellationToken);
            containers.Add(new BackupContainer(name, count, bytes, file));
        }

        var manifest = new BackupManifest
        {
            Format = BackupManifest.CurrentFormat,
            CreatedAt = createdAt,
            BlobContents = blobContents,
            Tables = tables,
            Containers = containers,
            BlobFiles = [.. blobFiles.Values.OrderBy(f => f.Path, StringComparer.Ordinal)],
        };
        if (!await writer.WriteAsync(BackupManifest.FileName, manifest.ToJsonBytes(), cancellationToken))
        {
            throw new BackupException($"{writer.Location} already holds a {BackupManifest.FileName}: a backup never replaces another.");
        }

        return manifest;
    }

    /// <summary>Where a blob's bytes are kept in a backup with contents: by their SHA-256, so equal blobs are kept once and no name needs escaping.</summary>
    public static string BlobPath(string sha256) => $"blobs/{sha256}";

    private static async Task<BackupFile> WriteFileAsync(IBackupWriter writer, string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(path, content, cancellationToken);
        return BackupFile.Of(path, content.Span);
    }

    /// <summary>A table's rows in key order; a table that was never created has none.</summary>
    internal static IAsyncEnumerable<TableEntity> RowsAsync(TableClient table, CancellationToken cancellationToken) =>
        OrNoneAsync(table.QueryAsync<TableEntity>(cancellationToken: cancellationToken), cancellationToken);

    /// <summary>A container's current blobs in name order; a container that was never created has none.</summary>
    internal static IAsyncEnumerable<BlobItem> BlobsAsync(Azure.Storage.Blobs.BlobContainerClient container, CancellationToken cancellationToken) =>
        OrNoneAsync(container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix: null, cancellationToken), cancellationToken);

    /// <summary>Every item, page by page; none when the table or container does not exist (404).</summary>
    private static async IAsyncEnumerable<T> OrNoneAsync<T>(AsyncPageable<T> pageable, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        where T : notnull
    {
        var pages = pageable.AsPages().GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                Page<T> page;
                try
                {
                    if (!await pages.MoveNextAsync())
                    {
                        yield break;
                    }

                    page = pages.Current;
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    yield break;
                }

                foreach (var item in page.Values)
                {
                    yield return item;
                }
            }
        }
        finally
        {
            await pages.DisposeAsync();
        }
    }

    private static string? EmptyAsNull(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
