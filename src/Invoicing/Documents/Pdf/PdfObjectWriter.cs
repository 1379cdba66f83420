using System.IO.Compression;
using System.Security.Cryptography;

namespace Invoicing.Documents.Pdf;

/// <summary>
/// Writes a PDF file as numbered indirect objects, then the cross-reference table and the trailer. Object numbers
/// are handed out before the objects are written, so objects can refer forward. Streams are Flate-compressed.
/// Everything written is a function of what is passed in: no clock, no random file identifier.
/// </summary>
internal sealed class PdfObjectWriter : IDisposable
{
    private readonly ByteBuffer _file;
    private readonly List<int> _offsets = [];

    public PdfObjectWriter(int capacity)
    {
        _file = new ByteBuffer(capacity);
        _file.Ascii("%PDF-1.7\n");
        // A comment of bytes above 127 tells transfer programs that the file is binary (PDF 32000-1, 7.5.2).
        _file.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
    }

    /// <summary>Where the dictionary of the object being written goes: keys and values in PDF syntax.</summary>
    public ByteBuffer Output => _file;

    /// <summary>A number for an object to be written later with <see cref="BeginObject"/>.</summary>
    public int Reserve()
    {
        _offsets.Add(-1);
        return _offsets.Count;
    }

    public void BeginObject(int number)
    {
        _offsets[number - 1] = _file.Length;
        _file.Number(number);
        _file.Ascii(" 0 obj\n");
    }

    public void EndObject() => _file.Ascii("\nendobj\n");

    /// <summary>" 12 0 R": a reference to object <paramref name="number"/>, with a leading space.</summary>
    public void Reference(int number)
    {
        _file.Write((byte)' ');
        _file.Number(number);
        _file.Ascii(" 0 R");
    }

    /// <summary>
    /// A whole stream object: its dictionary (<paramref name="entries"/> writes any keys besides the length and
    /// filter) and the Flate-compressed data.
    /// </summary>
    public void Stream(int number, ReadOnlySpan<byte> data, Action<ByteBuffer>? entries = null)
    {
        using var compressed = new ByteBuffer(Math.Max(256, data.Length / 2));
        Compress(data, compressed);
        CompressedStream(number, compressed.WrittenSpan, entries);
    }

    /// <summary>
    /// A whole stream object whose data is already Flate-compressed by <see cref="Compress"/> (a cached font
    /// program): the same bytes <see cref="Stream"/> writes for the uncompressed data.
    /// </summary>
    public void CompressedStream(int number, ReadOnlySpan<byte> compressed, Action<ByteBuffer>? entries = null)
    {
        BeginObject(number);
        _file.Ascii("<</Length ");
        _file.Number(compressed.Length);
        _file.Ascii(" /Filter /FlateDecode");
        entries?.Invoke(_file);
        _file.Ascii(">>\nstream\n");
        _file.Write(compressed);
        _file.Ascii("\nendstream");
        EndObject();
    }

    /// <summary>Appends the zlib (Flate) compression of <paramref name="data"/> to <paramref name="output"/>.</summary>
    public static void Compress(ReadOnlySpan<byte> data, ByteBuffer output)
    {
        using var deflate = new ZLibStream(new ByteBufferStream(output), CompressionLevel.Optimal);
        deflate.Write(data);
    }

    /// <summary>
    /// The cross-reference table and trailer, and the finished file. The file identifier is the SHA-256 of
    /// everything before the trailer, as the PDF specification suggests, so the same content has the same identifier.
    /// </summary>
    public byte[] Finish(int catalog, int information)
    {
        if (_offsets.Contains(-1))
        {
            throw new InvalidOperationException("A reserved PDF object number was never written.");
        }

        var xref = _file.Length;
        _file.Ascii("xref\n0 ");
        _file.Number(_offsets.Count + 1);
        _file.Ascii("\n0000000000 65535 f \n");
        foreach (var offset in _offsets)
        {
            _file.TenDigits(offset);
            _file.Ascii(" 00000 n \n");
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(_file.WrittenSpan, hash);
        _file.Ascii("trailer\n<</Size ");
        _file.Number(_offsets.Count + 1);
        _file.Ascii(" /Root");
        Reference(catalog);
        _file.Ascii(" /Info");
        Reference(information);
        _file.Ascii(" /ID [");
        for (var half = 0; half < 2; half++)
        {
            _file.Write((byte)'<');
            for (var i = 0; i < 16; i += 2)
            {
                _file.Hex((ushort)((hash[i] << 8) | hash[i + 1]));
            }

            _file.Write((byte)'>');
        }

        _file.Ascii("]>>\nstartxref\n");
        _file.Number(xref);
        _file.Ascii("\n%%EOF\n");
        return _file.ToArray();
    }

    public void Dispose() => _file.Dispose();

    /// <summary>The write end of a <see cref="ByteBuffer"/> for the compressor.</summary>
    private sealed class ByteBufferStream(ByteBuffer buffer) : System.IO.Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => buffer.Length;

        public override long Position
        {
            get => buffer.Length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] bytes, int offset, int count) => buffer.Write(bytes.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);

        public override void Flush()
        {
        }

        public override int Read(byte[] bytes, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
