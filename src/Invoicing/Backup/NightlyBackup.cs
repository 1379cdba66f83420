using System.Globalization;
using Invoicing.Storage;
using Microsoft.Extensions.Logging;

namespace Invoicing.Backup;

/// <summary>
/// The nightly backup in Azure: the store's tables and blob listings written to the <c>backups</c> container under
/// the day's prefix (<c>yyyy-MM-dd/</c>, UTC), each blob only if absent. Once a day: when the day already has a
/// manifest, a rerun writes nothing. A run that failed half-way left files without a manifest, which are never
/// replaced; the rerun writes a complete backup beside them, under <c>yyyy-MM-dd/retry-HHmmss/</c>.
/// The blobs are recorded by name, SHA-256 and version id, not copied: the source containers are versioned, soft
/// deleted and (documents, bank files, seals) immutable in the same account (docs/operations.md).
/// </summary>
public sealed partial class NightlyBackup(InvoicingStorage storage, StoreBackup backup, TimeProvider time, ILogger<NightlyBackup> logger)
{
    public async Task<NightlyBackupResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var day = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "/";
        var container = storage.Container(StorageNames.BackupsContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

        var existing = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, day, cancellationToken))
        {
            existing.Add(blob.Name);
        }

        if (existing.FirstOrDefault(name => name.EndsWith("/" + BackupManifest.FileName, StringComparison.Ordinal)) is { } done)
        {
            var written = done[..^BackupManifest.FileName.Length];
            LogAlreadyWritten(container.Name, written);
            return new NightlyBackupResult(written, null);
        }

        var prefix = existing.Count == 0 ? day : $"{day}retry-{now.UtcDateTime.ToString("HHmmss", CultureInfo.InvariantCulture)}/";
        var manifest = await backup.WriteAsync(new BackupContainerWriter(container, prefix), blobContents: false, cancellationToken);
        var (rows, blobs) = (manifest.Tables.Sum(t => t.Rows), manifest.Containers.Sum(c => c.Blobs));
        LogWritten(container.Name, prefix, rows, manifest.Tables.Count, blobs, manifest.Containers.Count);
        return new NightlyBackupResult(prefix, manifest);
    }

    [LoggerMessage(EventId = 5000, EventName = "StorageBackupWritten", Level = LogLevel.Information,
        Message = "Backup written to {Container}/{Prefix}: {Rows} rows of {Tables} tables, {Blobs} blobs of {Containers} containers recorded by SHA-256")]
    private partial void LogWritten(string container, string prefix, long rows, int tables, long blobs, int containers);

    [LoggerMessage(EventId = 5001, EventName = "StorageBackupAlreadyWritten", Level = LogLevel.Information,
        Message = "Today's backup is already in {Container}/{Prefix}: nothing written")]
    private partial void LogAlreadyWritten(string container, string prefix);
}

/// <summary>Where the day's backup is, and its manifest when this run wrote it (null: the day had one already).</summary>
public sealed record NightlyBackupResult(string Prefix, BackupManifest? Written)
{
    public bool AlreadyDone => Written is null;
}
