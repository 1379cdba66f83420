using Microsoft.AspNetCore.Http;

namespace Invoicing.Web;

/// <summary>
/// Caps how much of a request body a handler reads, whatever the host: Kestrel has its own limit, but the
/// Functions worker's proxied request and the test server may not, and a body without <c>Content-Length</c>
/// (chunked) is only caught while it is read. Reading past the cap throws <see cref="RequestTooLargeException"/>.
/// </summary>
public static class RequestBodyLimit
{
    /// <summary>False when the declared length is already over <paramref name="maxBytes"/>; else the body is capped and true.</summary>
    public static bool TryApply(HttpRequest request, long maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return false;
        }

        request.Body = new CappedStream(request.Body, maxBytes);
        return true;
    }

    private sealed class CappedStream(Stream inner, long maxBytes) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > maxBytes ? throw new RequestTooLargeException(maxBytes) : read;
        }
    }
}
