using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

/// <summary>
/// Records every write a run sends to storage (blob uploads, entity writes, entity group transactions) with its
/// body size, and how many writes were in flight at once, so <see cref="StorageFloor"/> can send the same writes
/// and nothing else. Reads, table and container creation are not part of the floor; they are only counted, with
/// every request's time, in <see cref="Profile"/>: where a run's time goes.
/// </summary>
internal sealed class StorageRecorder : HttpPipelinePolicy
{
    private readonly Lock _lock = new();
    private readonly List<StorageWrite> _writes = [];
    private readonly Dictionary<string, (int Count, TimeSpan Time)> _profile = new(StringComparer.Ordinal);
    private int _inFlight;

    public bool Recording { get; set; }

    public int MaxParallelWrites { get; private set; }

    public IReadOnlyList<StorageWrite> Writes
    {
        get
        {
            lock (_lock)
            {
                return [.. _writes];
            }
        }
    }

    /// <summary>Per kind of request (reads, blob writes, entity writes, transactions): how many, and their summed time.</summary>
    public IReadOnlyDictionary<string, (int Count, TimeSpan Time)> Profile
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, (int Count, TimeSpan Time)>(_profile, StringComparer.Ordinal);
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _writes.Clear();
            _profile.Clear();
            MaxParallelWrites = 0;
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The product calls storage asynchronously.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (!Recording)
        {
            await ProcessNextAsync(message, pipeline);
            return;
        }

        var write = Classify(message.Request);
        var clock = Stopwatch.StartNew();
        if (write is null)
        {
            await ProcessNextAsync(message, pipeline);
            Count(IsRead(message.Request) ? "reads" : "other requests", clock.Elapsed);
            return;
        }

        // A transaction's size and operations are counted as the transport sends its body.
        var counted = write.Kind == StorageWriteKind.Transaction && message.Request.Content is { } content ? new CountingContent(content) : null;
        if (counted is not null)
        {
            message.Request.Content = counted;
        }

        int index;
        lock (_lock)
        {
            index = _writes.Count;
            _writes.Add(write);
            MaxParallelWrites = Math.Max(MaxParallelWrites, ++_inFlight);
        }

        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        finally
        {
            lock (_lock)
            {
                _inFlight--;
                if (counted is not null)
                {
                    _writes[index] = write with { Bytes = checked((int)counted.Bytes), Operations = counted.RequestLines, Changes = counted.IfMatchLines };
                }
            }

            Count(write.Kind switch
            {
                StorageWriteKind.Blob => "blob writes",
                StorageWriteKind.Entity => "entity writes",
                _ => "transactions",
            }, clock.Elapsed);
        }
    }

    private void Count(string kind, TimeSpan time)
    {
        lock (_lock)
        {
            var (count, total) = _profile.GetValueOrDefault(kind);
            _profile[kind] = (count + 1, total + time);
        }
    }

    private static bool IsRead(Request request) => request.Method.Method.ToUpperInvariant() is "GET" or "HEAD";

    private static StorageWrite? Classify(Request request)
    {
        var method = request.Method.Method.ToUpperInvariant();
        if (method is "GET" or "HEAD")
        {
            return null;
        }

        var path = request.Uri.Path;
        if (path.EndsWith("/$batch", StringComparison.Ordinal))
        {
            // Its size and operations are counted as it is sent (CountingContent).
            return new StorageWrite(StorageWriteKind.Transaction, 0, 0);
        }

        if (request.Headers.TryGetValue("x-ms-blob-type", out _))
        {
            return new StorageWrite(StorageWriteKind.Blob, BodyLength(request), 1);
        }

        var isTable = request.Headers.TryGetValue("DataServiceVersion", out _) || path.Contains("(PartitionKey=", StringComparison.Ordinal);
        var createsTable = path.EndsWith("/Tables", StringComparison.Ordinal);
        return isTable && !createsTable
            ? new StorageWrite(StorageWriteKind.Entity, BodyLength(request), 1) { Changes = request.Headers.TryGetValue("If-Match", out _) ? 1 : 0 }
            : null;
    }

    /// <summary>
    /// The body's length without copying it where the content knows it (a blob's bytes, an entity's JSON): copying
    /// each PDF inside the measured run cost the run ≈ 100 KiB of allocation per blob that the floor does not pay.
    /// </summary>
    private static int BodyLength(Request request) =>
        request.Content is null ? 0
        : request.Content.TryComputeLength(out var length) ? checked((int)length)
        : Body(request).Length;

    private static byte[] Body(Request request)
    {
        if (request.Content is null)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        request.Content.WriteTo(buffer, CancellationToken.None);
        return buffer.ToArray();
    }
}

internal enum StorageWriteKind
{
    Blob,
    Entity,
    Transaction,
}

/// <summary>
/// One write request: what it wrote, its body's size and, for a transaction, its number of operations; and how many
/// of them change a row that exists (an <c>If-Match</c>: a replace, merge or delete) rather than add one.
/// </summary>
internal sealed record StorageWrite(StorageWriteKind Kind, int Bytes, int Operations)
{
    public int Changes { get; init; }
}
