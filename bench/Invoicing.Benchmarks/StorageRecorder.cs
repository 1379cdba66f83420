using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

/// <summary>
/// Records every write a run sends to storage (blob uploads, entity writes, entity group transactions) with its
/// body size, and how many writes were in flight at once, so <see cref="StorageFloor"/> can send the same writes
/// and nothing else. Reads, table and container creation are not recorded: they are not part of the floor.
/// </summary>
internal sealed class StorageRecorder : HttpPipelinePolicy
{
    private readonly Lock _lock = new();
    private readonly List<StorageWrite> _writes = [];
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

    public void Clear()
    {
        lock (_lock)
        {
            _writes.Clear();
            MaxParallelWrites = 0;
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The product calls storage asynchronously.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var write = Recording ? Classify(message.Request) : null;
        if (write is null)
        {
            await ProcessNextAsync(message, pipeline);
            return;
        }

        lock (_lock)
        {
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
            }
        }
    }

    private static StorageWrite? Classify(Request request)
    {
        var method = request.Method.Method.ToUpperInvariant();
        if (method is "GET" or "HEAD")
        {
            return null;
        }

        var path = request.Uri.Path;
        var body = Body(request);
        if (path.EndsWith("/$batch", StringComparison.Ordinal))
        {
            // Each operation of the changeset is one embedded HTTP request line.
            var operations = Encoding.UTF8.GetString(body).Split(" HTTP/1.1\r\n").Length - 1;
            return new StorageWrite(StorageWriteKind.Transaction, body.Length, operations);
        }

        if (request.Headers.TryGetValue("x-ms-blob-type", out _))
        {
            return new StorageWrite(StorageWriteKind.Blob, body.Length, 1);
        }

        var isTable = request.Headers.TryGetValue("DataServiceVersion", out _) || path.Contains("(PartitionKey=", StringComparison.Ordinal);
        var createsTable = path.EndsWith("/Tables", StringComparison.Ordinal);
        return isTable && !createsTable ? new StorageWrite(StorageWriteKind.Entity, body.Length, 1) : null;
    }

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

/// <summary>One write request: what it wrote, its body's size and, for a transaction, its number of operations.</summary>
internal sealed record StorageWrite(StorageWriteKind Kind, int Bytes, int Operations);
