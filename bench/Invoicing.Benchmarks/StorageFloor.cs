using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

/// <summary>
/// The least time storage needs for a run's writes: the same blob uploads (same sizes, written if absent), the
/// same entity writes and transactions (same operation counts, bodies of about the same size), in the same order
/// and with as many in flight at once as the run had, into a fresh container and table, with nothing in between.
/// </summary>
internal static class StorageFloor
{
    public static async Task<TimeSpan> MeasureAsync(string connectionString, IReadOnlyList<StorageWrite> writes, int parallelism, CancellationToken cancellationToken)
    {
        var name = "floor" + Guid.NewGuid().ToString("N")[..12];
        var table = new TableServiceClient(connectionString).GetTableClient(name);
        await table.CreateAsync(cancellationToken);
        try
        {
            return await ReplayAsync(connectionString, table, "p", writes, parallelism, likeForLike: false, cancellationToken);
        }
        finally
        {
            await table.DeleteAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The same writes, each operation of the kind the run sent — an add, or a change of a row that exists (one the
    /// run named by <c>If-Match</c>: a replace, merge or delete; replayed as a replace) — into <paramref name="filled"/>,
    /// a table that already holds as many rows as the run's table held (<see cref="FillAsync"/>). The rows the changes
    /// replace are added first, not timed. Storage whose cost per change grows with the table's rows (Azurite keeps a
    /// table as one in-memory collection, and removing a row from it moves every index entry after it) pays that here
    /// as in the run; Azure, where a partition is a key range, does not. An upsert counts as an add (the cheaper).
    /// </summary>
    public static async Task<TimeSpan> MeasureLikeForLikeAsync(
        string connectionString, TableClient filled, IReadOnlyList<StorageWrite> writes, int parallelism, CancellationToken cancellationToken)
    {
        var prefix = "f" + Guid.NewGuid().ToString("N")[..8] + "-";
        await Parallel.ForEachAsync(
            writes.Select((write, index) => (write, index)).Where(item => item.write.Kind != StorageWriteKind.Blob && item.write.Changes > 0),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                var (write, index) = item;
                var size = RowSize(write);
                foreach (var chunk in Enumerable.Range(0, write.Changes).Chunk(100))
                {
                    await filled.SubmitTransactionAsync(
                        chunk.Select(o => new TableTransactionAction(TableTransactionActionType.Add, Entity($"{prefix}{index}", $"r{o}", size))), ct);
                }
            });

        var elapsed = await ReplayAsync(connectionString, filled, prefix, writes, parallelism, likeForLike: true, cancellationToken);

        // The replay's rows go again (not timed), so the next replay finds the table at the run's size, not larger.
        await Parallel.ForEachAsync(
            writes.Select((write, index) => (write, index)).Where(item => item.write.Kind != StorageWriteKind.Blob),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                var (write, index) = item;
                var rows = write.Kind == StorageWriteKind.Transaction ? Enumerable.Range(0, write.Operations).Select(o => $"r{o}")
                    : [write.Changes > 0 ? "r0" : "r"];
                foreach (var chunk in rows.Chunk(100))
                {
                    await filled.SubmitTransactionAsync(
                        chunk.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity($"{prefix}{index}", row), ETag.All)), ct);
                }
            });
        return elapsed;
    }

    /// <summary>Adds <paramref name="rows"/> rows of about the size of a ledger's row to <paramref name="table"/>, not timed.</summary>
    public static async Task FillAsync(TableClient table, int rows, CancellationToken cancellationToken)
    {
        await table.CreateIfNotExistsAsync(cancellationToken);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, rows).Chunk(100),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (chunk, ct) => await table.SubmitTransactionAsync(
                chunk.Select(n => new TableTransactionAction(TableTransactionActionType.Add, Entity($"fill{chunk[0]:000000}", $"r{n:000000}", 1_300))), ct));
    }

    private static async Task<TimeSpan> ReplayAsync(
        string connectionString, TableClient table, string partitionPrefix, IReadOnlyList<StorageWrite> writes, int parallelism, bool likeForLike, CancellationToken cancellationToken)
    {
        var container = new BlobServiceClient(connectionString).GetBlobContainerClient("floor" + Guid.NewGuid().ToString("N")[..12]);
        await container.CreateAsync(cancellationToken: cancellationToken);

        var largest = writes.Count == 0 ? 0 : writes.Max(w => w.Bytes);
        var content = new byte[largest];
        Random.Shared.NextBytes(content);

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            writes.Select((write, index) => (write, index)),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                var (write, index) = item;
                var changes = likeForLike ? write.Changes : 0;
                switch (write.Kind)
                {
                    case StorageWriteKind.Blob:
                        await container.GetBlobClient($"{index}.pdf").UploadAsync(
                            new BinaryData(content.AsMemory(0, write.Bytes)),
                            new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                            ct);
                        break;
                    case StorageWriteKind.Entity when changes > 0:
                        await table.UpdateEntityAsync(Entity($"{partitionPrefix}{index}", "r0", write.Bytes), ETag.All, TableUpdateMode.Replace, ct);
                        break;
                    case StorageWriteKind.Entity:
                        await table.AddEntityAsync(Entity($"{partitionPrefix}{index}", "r", write.Bytes), ct);
                        break;
                    case StorageWriteKind.Transaction:
                        var size = RowSize(write);
                        var actions = Enumerable.Range(0, write.Operations).Select(o => o < changes
                            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, Entity($"{partitionPrefix}{index}", $"r{o}", size), ETag.All)
                            : new TableTransactionAction(TableTransactionActionType.Add, Entity($"{partitionPrefix}{index}", $"r{o}", size)));
                        await table.SubmitTransactionAsync(actions, ct);
                        break;
                }
            });
        var elapsed = clock.Elapsed;

        await container.DeleteAsync(cancellationToken: CancellationToken.None);
        return elapsed;
    }

    // A changeset wraps each operation in ~300 bytes of multipart and HTTP headers; a single entity write is its body.
    private static int RowSize(StorageWrite write) =>
        write.Kind == StorageWriteKind.Transaction ? (write.Bytes / Math.Max(1, write.Operations)) - 300 : write.Bytes;

    /// <summary>
    /// An entity whose JSON body is about <paramref name="bytes"/> long (keys and quoting take ~60 per property). A
    /// string property holds at most 32 K characters, and a recorded row may be longer on the wire than that (a page
    /// of payment records, its quotes escaped): the length is spread over properties of at most 30 000 characters.
    /// </summary>
    private static TableEntity Entity(string partition, string row, int bytes)
    {
        const int MaxChars = 30_000;
        var entity = new TableEntity(partition, row);
        var left = Math.Max(1, bytes - 60);
        for (var i = 0; left > 0; i++)
        {
            var chars = Math.Min(MaxChars, left);
            entity[$"Data{i}"] = new string('x', chars);
            left -= chars + 60;
        }

        return entity;
    }
}
