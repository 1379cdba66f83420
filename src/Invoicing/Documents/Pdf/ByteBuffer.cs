using System.Buffers;
using System.Globalization;
using System.Text;

namespace Invoicing.Documents.Pdf;

/// <summary>
/// A growing byte buffer rented from the shared pool, with the few ways PDF syntax is written: ASCII text and
/// invariant numbers. Renting instead of allocating keeps a rendered document's garbage to roughly its own size.
/// </summary>
internal sealed class ByteBuffer : IDisposable
{
    private byte[] _buffer;

    public ByteBuffer(int capacity) => _buffer = ArrayPool<byte>.Shared.Rent(capacity);

    public int Length { get; private set; }

    public Span<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        Length += bytes.Length;
    }

    public void Write(byte b)
    {
        Reserve(1)[0] = b;
        Length++;
    }

    /// <summary>ASCII text; PDF syntax outside strings is ASCII.</summary>
    public void Ascii(string text)
    {
        var written = Encoding.ASCII.GetBytes(text, Reserve(text.Length));
        Length += written;
    }

    public void Number(long value) => Format(value, default);

    /// <summary>Zero-padded to ten digits, as offsets in the cross-reference table.</summary>
    public void TenDigits(long value) => Format(value, "D10");

    /// <summary>At most three decimals (a thousandth of a point is far below what a printer shows), no exponent.</summary>
    public void Number(double value)
    {
        var rounded = Math.Round(value, 3);
        Format(rounded == 0 ? 0 : rounded, "0.###"); // never "-0"
    }

    /// <summary>Four uppercase hex digits, as a two-byte code in a PDF hex string.</summary>
    public void Hex(ushort value)
    {
        var span = Reserve(4);
        value.TryFormat(span, out _, "X4", CultureInfo.InvariantCulture);
        Length += 4;
    }

    /// <summary>Zero bytes up to a multiple of <paramref name="alignment"/>.</summary>
    public void Pad(int alignment)
    {
        while (Length % alignment != 0)
        {
            Write(0);
        }
    }

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Format<T>(T value, ReadOnlySpan<char> format)
        where T : IUtf8SpanFormattable
    {
        int written;
        while (!value.TryFormat(_buffer.AsSpan(Length), out written, format, CultureInfo.InvariantCulture))
        {
            Grow(32);
        }

        Length += written;
    }

    /// <summary>Room for <paramref name="count"/> more bytes, returned as the span to write them into.</summary>
    private Span<byte> Reserve(int count)
    {
        if (Length + count > _buffer.Length)
        {
            Grow(count);
        }

        return _buffer.AsSpan(Length, count);
    }

    private void Grow(int count)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, Length + count));
        WrittenSpan.CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
