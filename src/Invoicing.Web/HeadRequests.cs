using Microsoft.AspNetCore.Http;

namespace Invoicing.Web;

/// <summary>
/// HEAD on every GET route: the request is answered as the GET it stands for — same status, same headers, the
/// length of the body it would have had — and the body is dropped, so a client (or a monitor) can ask what a download
/// is without fetching it. Routing sees a GET, so no route is declared twice and the route list stays the one of
/// <see cref="ApiRoutes.All"/>.
/// </summary>
public static class HeadRequests
{
    public static async Task AnswerAsGetAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        var dropped = new DroppedBody();
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = dropped;
        try
        {
            await next(context);

            // A GET whose whole body was written before its headers went out gets its length from the server; so does HEAD.
            if (!context.Response.HasStarted && context.Response.ContentLength is null && dropped.Length > 0)
            {
                context.Response.ContentLength = dropped.Length;
            }
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Response.Body = body;
        }
    }

    /// <summary>Counts what is written and keeps none of it.</summary>
    private sealed class DroppedBody : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
