using System.Buffers;

namespace Invoicing.Web.Exports;

/// <summary>
/// A write-only stream over an HTTP response that never writes to it synchronously. <see cref="System.IO.Compression.ZipArchive"/>
/// finishes an entry in its synchronous <c>Dispose</c> (the deflater's last block and the entry's data descriptor,
/// a few kilobytes), which Kestrel and the Functions worker refuse; those bytes are held here and go out
/// asynchronously with the next write or flush. Everything else passes straight through, so what is held never
/// grows with the number or size of the entries.
/// </summary>
public sealed class DeferredSyncWriteStream(Stream inner) : Stream
{
    private readonly ArrayBufferWriter<byte> _pending = new();
    private long _written;

    /// <summary>The most bytes ever held back at once: the memory this stream adds.</summary>
    public int PeakDeferredBytes { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pending.Write(buffer);
        _written += buffer.Length;
        PeakDeferredBytes = Math.Max(PeakDeferredBytes, _pending.WrittenCount);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await WritePendingAsync(cancellationToken);
        await inner.WriteAsync(buffer, cancellationToken);
        _written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Nothing can be flushed synchronously; <see cref="FlushAsync(CancellationToken)"/> does it.</summary>
    public override void Flush()
    {
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await WritePendingAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await WritePendingAsync(CancellationToken.None);
        await base.DisposeAsync();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private async ValueTask WritePendingAsync(CancellationToken cancellationToken)
    {
        if (_pending.WrittenCount > 0)
        {
            await inner.WriteAsync(_pending.WrittenMemory, cancellationToken);
            _pending.ResetWrittenCount();
        }
    }
}
