using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Invoicing.Storage;

namespace Invoicing.Backup;

/// <summary>
/// Restores a backup into an empty store. In this order, and nothing is written before the last step: the manifest
/// is read; every file it names is checked against its length and SHA-256, and every row and listing line is read;
/// every table of <see cref="InvoicingStorage.TableNames"/> and container of <see cref="InvoicingStorage.ContainerNames"/>
/// is checked to be empty. Then the rows are added (a transaction per partition and hundred rows) and the blobs
/// uploaded with their headers and metadata, each only if absent.
/// </summary>
public sealed class StoreRestore(InvoicingStorage storage, Audit.AuditTrail audit, TimeProvider time)
{
    private const int MaxTransactionActions = 100;

    // An entity group transaction carries at most 4 MiB; rows are added in smaller ones.
    private const int MaxTransactionBytes = 2 * 1024 * 1024;

    public async Task<RestoreSummary> RestoreAsync(IBackupReader reader, CancellationToken cancellationToken)
    {
        var manifestBytes = await reader.ReadAsync(BackupManifest.FileName, cancellationToken)
            ?? throw new BackupException($"{reader.Location} holds no {BackupManifest.FileName}: it is not a backup written by ./invoicing backup; nothing was restored.");
        var manifest = BackupManifest.Parse(manifestBytes);

        var unknownTables = manifest.Tables.Select(t => t.Name).Except(InvoicingStorage.TableNames, StringComparer.Ordinal).ToArray();
        var unknownContainers = manifest.Containers.Select(c => c.Name).Except(InvoicingStorage.ContainerNames, StringComparer.Ordinal).ToArray();
        if (unknownTables.Length > 0 || unknownContainers.Length > 0)
        {
            throw new BackupException($"the backup holds {string.Join(", ", unknownTables.Select(t => "table " + t).Concat(unknownContainers.Select(c => "container " + c)))}, which this version does not know; nothing was restored.");
        }

        // 1. Every file as the manifest says, before anything is written.
        var rows = new List<(string Table, IReadOnlyList<TableEntity> Rows)>();
        foreach (var table in manifest.Tables)
        {
            var lines = await ReadLinesAsync(reader, table.File, table.Rows, cancellationToken);
            rows.Add((table.Name, [.. lines.Select((line, i) => Parse(table.File, i, line, BackupEntity.FromJsonLine))]));
        }

        var blobs = new List<(string Container, IReadOnlyList<BackupBlob> Blobs)>();
        foreach (var container in manifest.Containers)
        {
            var lines = await ReadLinesAsync(reader, container.File, container.Blobs, cancellationToken);
            blobs.Add((container.Name, [.. lines.Select((line, i) => Parse(container.File, i, line, BackupBlob.FromJsonLine))]));
        }

        var blobFiles = manifest.BlobFiles.ToDictionary(f => f.Sha256, StringComparer.Ordinal);
        foreach (var file in manifest.BlobFiles)
        {
            Verify(file, await reader.ReadAsync(file.Path, cancellationToken));
        }

        if (blobs.SelectMany(c => c.Blobs).FirstOrDefault(b => !blobFiles.ContainsKey(b.Sha256)) is { } without)
        {
            throw new BackupException(manifest.BlobContents
                ? $"the backup lists blob {without.Name} (SHA-256 {without.Sha256}) but holds no file of its bytes; nothing was restored."
                : $"the backup records its {blobs.Sum(c => c.Blobs.Count)} blobs by SHA-256 and version id only (the nightly backup in Azure): restore the containers from their versions first (docs/operations.md); nothing was restored.");
        }

        // 2. The store must hold nothing: a restore never merges with or overwrites data.
        var holding = new List<string>();
        foreach (var table in InvoicingStorage.TableNames)
        {
            if (await StoreBackup.RowsAsync(storage.Table(table), cancellationToken).AnyAsync(cancellationToken))
            {
                holding.Add("table " + table);
            }
        }

        foreach (var container in InvoicingStorage.ContainerNames)
        {
            if (await StoreBackup.BlobsAsync(storage.Container(container), cancellationToken).AnyAsync(cancellationToken))
            {
                holding.Add("container " + container);
            }
        }

        if (holding.Count > 0)
        {
            throw new BackupException($"the store is not empty ({string.Join(", ", holding)} {(holding.Count == 1 ? "holds" : "hold")} data): a restore goes only into an empty store; nothing was written.");
        }

        // 3. Write.
        await storage.EnsureCreatedAsync(cancellationToken);
        foreach (var (table, entities) in rows)
        {
            await AddAsync(storage.Table(table), entities, cancellationToken);
        }

        foreach (var (container, items) in blobs)
        {
            var client = storage.Container(container);
            foreach (var blob in items)
            {
                var content = await reader.ReadAsync(blobFiles[blob.Sha256].Path, cancellationToken);
                Verify(blobFiles[blob.Sha256], content);
                await client.GetBlobClient(blob.Name).UploadAsync(
                    BinaryData.FromBytes(content!),
                    new BlobUploadOptions
                    {
                        Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                        HttpHeaders = new BlobHttpHeaders
                        {
                            ContentType = blob.ContentType,
                            ContentEncoding = blob.ContentEncoding,
                            ContentLanguage = blob.ContentLanguage,
                            ContentDisposition = blob.ContentDisposition,
                            CacheControl = blob.CacheControl,
                        },
                        Metadata = blob.Metadata.ToDictionary(StringComparer.Ordinal),
                    },
                    cancellationToken);
            }
        }

        var summary = new RestoreSummary(
            reader.Location,
            manifest.CreatedAt,
            time.GetUtcNow(),
            manifest.Tables.ToDictionary(t => t.Name, t => t.Rows, StringComparer.Ordinal),
            manifest.Containers.ToDictionary(c => c.Name, c => c.Blobs, StringComparer.Ordinal));

        // The restored trail goes on: the restore itself is its next event, by whoever ran it.
        await audit.RecordAsync(
            new Audit.AuditEntry($"restore:{Guid.NewGuid():N}", Audit.AuditActions.StoreRestored,
                $"restored from {reader.Location}, a backup written {manifest.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} UTC: {summary.TotalRows} rows, {summary.TotalBlobs} blobs"),
            cancellationToken);
        return summary;
    }

    private static async Task<string[]> ReadLinesAsync(IBackupReader reader, BackupFile file, long expected, CancellationToken cancellationToken)
    {
        var content = await reader.ReadAsync(file.Path, cancellationToken);
        Verify(file, content);
        var lines = Encoding.UTF8.GetString(content!).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length != expected)
        {
            throw new BackupException($"backup file {file.Path} has {lines.Length} lines, the manifest says {expected}; nothing was restored.");
        }

        return lines;
    }

    private static void Verify(BackupFile file, byte[]? content)
    {
        if (file.Mismatch(content) is { } problem)
        {
            throw new BackupException(problem + "; nothing was restored.");
        }
    }

    private static T Parse<T>(BackupFile file, int index, string line, Func<string, T> parse)
    {
        try
        {
            return parse(line);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new BackupException($"backup file {file.Path} line {index + 1} is not a row of a backup ({e.Message}); nothing was restored.");
        }
    }

    private static async Task AddAsync(TableClient table, IReadOnlyList<TableEntity> entities, CancellationToken cancellationToken)
    {
        foreach (var partition in entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            var batch = new List<TableTransactionAction>();
            var bytes = 0;
            foreach (var entity in partition)
            {
                var size = EstimatedSize(entity);
                if (batch.Count == MaxTransactionActions || (batch.Count > 0 && bytes + size > MaxTransactionBytes))
                {
                    await table.SubmitTransactionAsync(batch, cancellationToken);
                    (batch, bytes) = ([], 0);
                }

                batch.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
                bytes += size;
            }

            if (batch.Count > 0)
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
            }
        }
    }

    /// <summary>An upper bound of a row's size on the wire (JSON, binary as base64, strings as UTF-8 with escapes).</summary>
    private static int EstimatedSize(TableEntity entity) =>
        1024 + entity.Sum(p => (p.Key.Length * 2) + 64 + p.Value switch
        {
            string text => Encoding.UTF8.GetByteCount(text) * 2,
            byte[] bytes => ((bytes.Length + 2) / 3 * 4) + 64,
            _ => 64,
        });
}

/// <summary>
/// What a restore did: where from, the backup's time, when it was restored and how many rows and blobs went into
/// each table and container. What the audit trail will record when the restore is audited.
/// </summary>
public sealed record RestoreSummary(
    string Source,
    DateTimeOffset BackupCreatedAt,
    DateTimeOffset RestoredAt,
    IReadOnlyDictionary<string, long> Rows,
    IReadOnlyDictionary<string, long> Blobs)
{
    public long TotalRows => Rows.Values.Sum();

    public long TotalBlobs => Blobs.Values.Sum();
}
