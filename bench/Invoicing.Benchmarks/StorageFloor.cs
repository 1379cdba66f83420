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
        var container = new BlobServiceClient(connectionString).GetBlobContainerClient(name);
        var table = new TableServiceClient(connectionString).GetTableClient(name);
        await container.CreateAsync(cancellationToken: cancellationToken);
        await table.CreateAsync(cancellationToken);

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
                switch (write.Kind)
                {
                    case StorageWriteKind.Blob:
                        await container.GetBlobClient($"{index}.pdf").UploadAsync(
                            new BinaryData(content.AsMemory(0, write.Bytes)),
                            new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                            ct);
                        break;
                    case StorageWriteKind.Entity:
                        await table.AddEntityAsync(Entity($"p{index}", "r", write.Bytes), ct);
                        break;
                    case StorageWriteKind.Transaction:
                        // A changeset wraps each operation in ~300 bytes of multipart and HTTP headers.
                        var size = (write.Bytes / Math.Max(1, write.Operations)) - 300;
                        var actions = Enumerable.Range(0, write.Operations)
                            .Select(o => new TableTransactionAction(TableTransactionActionType.Add, Entity($"p{index}", $"r{o}", size)));
                        await table.SubmitTransactionAsync(actions, ct);
                        break;
                }
            });
        var elapsed = clock.Elapsed;

        await container.DeleteAsync(cancellationToken: CancellationToken.None);
        await table.DeleteAsync(CancellationToken.None);
        return elapsed;
    }

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
