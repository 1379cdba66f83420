using Azure.Core;

/// <summary>
/// A request body that counts, as the transport sends it, its bytes, the embedded HTTP request lines of an entity
/// group transaction (one per operation) and how many of those carry an <c>If-Match</c> header (a replace, merge or
/// delete of a row that exists; an insert or an upsert has none). Serializing a transaction once more only to measure it cost the measured
/// run CPU and ≈ 1 MiB of allocation per transaction that the floor never pays.
/// </summary>
internal sealed class CountingContent(RequestContent inner) : RequestContent
{
    // Every operation of a changeset is one request line, "PUT https://… HTTP/1.1\r\n" (the marker's first byte
    // occurs in it once, so a mismatch restarts the match at that byte).
    private static readonly byte[] RequestLineEnd = " HTTP/1.1\r\n"u8.ToArray();

    // Each operation that changes an existing row names the version it changes (the SDK sends "*" for any).
    private static readonly byte[] IfMatchHeader = "\r\nIf-Match: "u8.ToArray();

    private int _matched;
    private int _ifMatched;

    public long Bytes { get; private set; }

    public int RequestLines { get; private set; }

    public int IfMatchLines { get; private set; }

    public override bool TryComputeLength(out long length) => inner.TryComputeLength(out length);

    public override void WriteTo(Stream stream, CancellationToken cancellation)
    {
        Reset();
        inner.WriteTo(new CountingStream(stream, this), cancellation);
    }

    public override Task WriteToAsync(Stream stream, CancellationToken cancellation)
    {
        Reset();
        return inner.WriteToAsync(new CountingStream(stream, this), cancellation);
    }

    public override void Dispose() => inner.Dispose();

    private void Reset() => (Bytes, RequestLines, IfMatchLines, _matched, _ifMatched) = (0, 0, 0, 0, 0);

    private void Count(ReadOnlySpan<byte> written)
    {
        Bytes += written.Length;
        foreach (var b in written)
        {
            _matched = b == RequestLineEnd[_matched] ? _matched + 1 : b == RequestLineEnd[0] ? 1 : 0;
            if (_matched == RequestLineEnd.Length)
            {
                RequestLines++;
                _matched = 0;
            }

            _ifMatched = b == IfMatchHeader[_ifMatched] ? _ifMatched + 1 : b == IfMatchHeader[0] ? 1 : 0;
            if (_ifMatched == IfMatchHeader.Length)
            {
                IfMatchLines++;
                _ifMatched = 0;
            }
        }
    }

    /// <summary>Passes writes on to the transport's stream, counting them.</summary>
    private sealed class CountingStream(Stream destination, CountingContent counter) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            counter.Count(buffer);
            destination.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            counter.Count(buffer.Span);
            return destination.WriteAsync(buffer, cancellationToken);
        }

        public override void Flush() => destination.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => destination.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
