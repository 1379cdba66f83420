using Azure;
using Azure.Data.Tables;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Invoicing.Payments.BankFiles;
using Invoicing.Storage;
using Polly;

namespace Invoicing.Payments;

/// <summary>
/// Every imported bank file, kept once and unchanged: its bytes in the <c>bank-files-archive</c> container, named by
/// their SHA-256 and written with <c>If-None-Match: *</c> (the container is WORM in Azure: nothing there is ever
/// replaced or deleted), and a row per file in the <c>BankFiles</c> table that says what its first import did and
/// counts the later ones (<see cref="ArchivedBankFileEntity"/>). The same file from two entrances is one blob and
/// one row. Every payment booked and every entry listed from a file names it by that SHA-256
/// (<see cref="PaymentRecord.FileId"/>, <see cref="UnmatchedPayment.FileId"/>): the source document an auditor asks for.
/// </summary>
public sealed class BankFileArchive(InvoicingStorage storage)
{
    public const string Sha256Metadata = "sha256";
    public const string FileNameMetadata = "filename";
    public const string FormatMetadata = "format";

    // A repeated import of one file racing another only updates the count: re-read and count again.
    private static readonly ResiliencePipeline ConflictRetry = OptimisticConcurrency.Retry(412);

    // Blocks of 4 MiB, four sent at a time: a large file is never held whole in memory, and the blob exists only once
    // its block list is committed, which If-None-Match guards and a failed check never reaches.
    private const int BlockSize = 4 * 1024 * 1024;
    private const int BlocksInFlight = 4;

    private TableClient Table => storage.Table(StorageNames.BankFiles);

    private BlobClient Blob(string id) => storage.Container(StorageNames.ArchivedBankFilesContainer).GetBlobClient(id);

    private BlockBlobClient BlockBlob(string id) => storage.Container(StorageNames.ArchivedBankFilesContainer).GetBlockBlobClient(id);

    /// <summary>
    /// Starts sending the file's bytes to the archive as uncommitted blocks of the blob named by its SHA-256, while the
    /// caller reads and plans the file: on a large file the upload then costs little more than its commit. Nothing is
    /// kept until <see cref="KeepAsync"/> commits the blocks (<see cref="StagedBankFile"/>). The bytes are checked on
    /// their way up (<see cref="Sha256CheckedStream"/>): a file that changed since it was hashed fails the staging, and
    /// <see cref="KeepAsync"/> with it, before anything is committed. When the archive holds the file already, nothing
    /// is sent. Open the content for reading before calling this, so the passes open it in order (hash, read, keep).
    /// </summary>
    public StagedBankFile Stage(BankFileContent content, string sha256, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new StagedBankFile(sha256, ct => StageBlocksAsync(content, sha256, length, ct), cancellationToken);
    }

    private async Task<IReadOnlyList<string>?> StageBlocksAsync(BankFileContent content, string sha256, long length, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var blob = BlockBlob(sha256);
        if (await blob.ExistsAsync(cancellationToken))
        {
            return null;
        }

        await using var checkedContent = new Sha256CheckedStream(content.Open(), length, sha256,
            found => $"{content.Name} changed while it was imported: it now has {found}, not the {length} bytes with SHA-256 {sha256} that were read; nothing was kept or booked. Import it again.");
        var ids = new List<string>();
        var sending = new List<Task>();
        while (true)
        {
            // A block is read whole before it is sent, so at most BlocksInFlight + 1 blocks are in memory at once.
            var block = new byte[BlockSize];
            var filled = await checkedContent.ReadAtLeastAsync(block, BlockSize, throwOnEndOfStream: false, cancellationToken);
            if (filled == 0)
            {
                // The end (an empty file commits an empty list: an empty blob).
                break;
            }

            // Ids of one length, in order; the same bytes staged twice (two imports of one file at once) get the same ids.
            var id = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes($"block-{ids.Count:D6}"));
            ids.Add(id);
            if (sending.Count == BlocksInFlight)
            {
                var sent = await Task.WhenAny(sending);
                sending.Remove(sent);
                await sent;
            }

            sending.Add(blob.StageBlockAsync(id, new MemoryStream(block, 0, filled, writable: false), cancellationToken: cancellationToken));
            if (filled < BlockSize)
            {
                break;
            }
        }

        await Task.WhenAll(sending);
        return ids;
    }

    /// <summary>
    /// Keeps the staged file: commits its blocks as the blob named by its SHA-256, with <c>If-None-Match: *</c>; true
    /// when written now. A file the archive held already (an earlier import of the same bytes, from whichever entrance)
    /// is not written again; its recorded hash is checked.
    /// </summary>
    /// <exception cref="InvalidDataException">The content no longer has the length and SHA-256 that were read.</exception>
    public async Task<bool> KeepAsync(StagedBankFile staged, BankFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        ArgumentNullException.ThrowIfNull(file);
        var blocks = await staged.Blocks;
        var blob = BlockBlob(staged.Sha256);
        if (blocks is not null)
        {
            try
            {
                await blob.CommitBlockListAsync(
                    blocks,
                    new CommitBlockListOptions
                    {
                        Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                        HttpHeaders = new BlobHttpHeaders { ContentType = ArchivedBankFile.ContentTypeOf(file.Format) },
                        Metadata = new Dictionary<string, string>
                        {
                            [Sha256Metadata] = staged.Sha256,
                            [FileNameMetadata] = Uri.EscapeDataString(file.Source),
                            [FormatMetadata] = file.FormatName,
                        },
                    },
                    cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another import of the same bytes committed first.
            }
        }

        // Kept by an earlier import. The name is the content's hash, so what is there is this file; the recorded hash
        // says so without downloading it.
        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        if (properties.Value.Metadata.TryGetValue(Sha256Metadata, out var recorded) && recorded != staged.Sha256)
        {
            throw new InvalidOperationException($"The archive's blob {staged.Sha256} records SHA-256 {recorded}; the archive is damaged. Nothing was booked.");
        }

        return false;
    }

    /// <summary>
    /// Records the file's first import, or — when it was imported before, from any entrance — counts this one on the
    /// row that is there and keeps that row's first import. One row per file, however often and wherever it comes.
    /// </summary>
    /// <returns>The file as recorded now, and whether this was its first import.</returns>
    public async Task<(ArchivedBankFile File, bool First)> RecordAsync(ArchivedBankFile file, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        try
        {
            await Table.AddEntityAsync(ArchivedBankFileEntity.From(file), cancellationToken);
            return (file, true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Imported before.
        }

        var attempt = new BankFileImportAttempt(file.FileName, file.Entrance, file.ImportedAt, file.ImportedBy);
        return await ConflictRetry.ExecuteAsync(
            async ct =>
            {
                var stored = (await Table.GetEntityAsync<ArchivedBankFileEntity>(ArchivedBankFileEntity.File, file.Id, cancellationToken: ct)).Value;
                stored.NoteRepeat(attempt);
                await Table.UpdateEntityAsync(stored, stored.ETag, TableUpdateMode.Replace, ct);
                return (stored.ToFile(), false);
            },
            cancellationToken);
    }

    /// <summary>Every archived file, the latest first import first.</summary>
    public async Task<IReadOnlyList<ArchivedBankFile>> ListAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var files = new List<ArchivedBankFile>();
        await foreach (var row in Table.QueryAsync<ArchivedBankFileEntity>(e => e.PartitionKey == ArchivedBankFileEntity.File, cancellationToken: cancellationToken))
        {
            files.Add(row.ToFile());
        }

        return [.. files.OrderByDescending(f => f.ImportedAt).ThenBy(f => f.Id, StringComparer.Ordinal)];
    }

    /// <summary>The file with this id (its SHA-256); null when no file with it was imported.</summary>
    public async Task<ArchivedBankFile?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!ArchivedBankFile.IsId(id))
        {
            return null;
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        var row = await Table.GetEntityIfExistsAsync<ArchivedBankFileEntity>(ArchivedBankFileEntity.File, id, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.ToFile() : null;
    }

    /// <summary>
    /// Copies the archived bytes to <paramref name="destination"/>, checked against the recorded size and SHA-256 on the
    /// way: when they do not match, the last bytes are withheld and <see cref="InvalidDataException"/> says so, so the
    /// destination never receives a whole file that is not the original.
    /// </summary>
    public async Task CopyToAsync(ArchivedBankFile file, Stream destination, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var download = await Blob(file.Id).DownloadStreamingAsync(cancellationToken: cancellationToken);
        await using var content = new Sha256CheckedStream(download.Value.Content, file.Size, file.Sha256,
            found => $"Bank file {file.Id} ({file.FileName}) in the archive has {found}, not the {file.Size} bytes with the SHA-256 recorded at its import; it was not handed out.");
        await content.CopyToAsync(destination, cancellationToken);
    }
}
