using System.Security.Cryptography;

namespace Invoicing.Payments;

/// <summary>
/// Reads a bank file's bytes through to whoever copies them (an upload to the archive, a download out of it) and
/// checks them against the length and SHA-256 they must have. The last bytes are handed on only once the whole is
/// known to match: on a mismatch the reader gets <see cref="InvalidDataException"/> instead of them, so an upload
/// fails before its blob exists and a download never ends as a complete file that is not the original.
/// </summary>
/// <param name="describeMismatch">The message, given what was found instead (<c>SHA-256 …</c>, <c>only 12 bytes</c>, <c>more than 40 bytes</c>).</param>
internal sealed class Sha256CheckedStream(Stream inner, long length, string sha256, Func<string, string> describeMismatch) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _read;
    private bool _ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_ended || buffer.Length == 0)
        {
            return 0;
        }

        // Never read past the expected length: whether anything follows it is asked separately, one byte.
        var wanted = (int)Math.Min(buffer.Length, length - _read);
        var count = wanted == 0 ? 0 : inner.Read(buffer[..wanted]);
        var atEnd = count == 0 || _read + count == length;
        var more = atEnd && _read + count == length && inner.Read(stackalloc byte[1]) > 0;
        return Accept(buffer[..count], atEnd, more);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_ended || buffer.Length == 0)
        {
            return 0;
        }

        var wanted = (int)Math.Min(buffer.Length, length - _read);
        var count = wanted == 0 ? 0 : await inner.ReadAsync(buffer[..wanted], cancellationToken);
        var atEnd = count == 0 || _read + count == length;
        var more = atEnd && _read + count == length && await inner.ReadAsync(new byte[1], cancellationToken) > 0;
        return Accept(buffer.Span[..count], atEnd, more);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Takes in <paramref name="chunk"/>; at the end checks the whole before handing the last chunk on.</summary>
    /// <param name="more">True when the source has more bytes than the expected length.</param>
    private int Accept(ReadOnlySpan<byte> chunk, bool atEnd, bool more)
    {
        _hash.AppendData(chunk);
        _read += chunk.Length;
        if (!atEnd)
        {
            return chunk.Length;
        }

        _ended = true;
        if (_read < length || more)
        {
            throw new InvalidDataException(describeMismatch(more ? $"more than {length} bytes" : $"only {_read} of {length} bytes"));
        }

        var actual = Convert.ToHexStringLower(_hash.GetHashAndReset());
        if (!string.Equals(actual, sha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException(describeMismatch($"SHA-256 {actual}"));
        }

        return chunk.Length;
    }
}
