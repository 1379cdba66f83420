using System.Buffers.Binary;
using System.Text;

namespace Invoicing.Documents.Pdf;

/// <summary>
/// A TrueType font program read once: where each table and glyph is, the character map and the metrics. Only
/// what embedding a subset in a PDF needs (see <see cref="TrueTypeSubset"/>); the bytes are never copied or
/// changed, so one instance serves every document on every thread.
/// </summary>
internal sealed class TrueTypeFont
{
    private const int SegmentedMapping = 4;

    private readonly byte[] _bytes;
    private readonly Dictionary<string, (int Offset, int Length)> _tables;
    private readonly int[] _glyphOffsets;
    private readonly ushort[] _glyphForCharacter;
    private readonly ushort[] _advances;

    private TrueTypeFont(byte[] bytes)
    {
        _bytes = bytes;
        _tables = ReadTableDirectory(bytes);

        var head = Table("head");
        UnitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(head[18..]);
        Bounds = (ReadInt16(head, 36), ReadInt16(head, 38), ReadInt16(head, 40), ReadInt16(head, 42));
        var longOffsets = ReadInt16(head, 50) == 1;

        GlyphCount = BinaryPrimitives.ReadUInt16BigEndian(Table("maxp")[4..]);
        var hhea = Table("hhea");
        Ascent = ReadInt16(hhea, 4);
        Descent = ReadInt16(hhea, 6);
        var metricsCount = BinaryPrimitives.ReadUInt16BigEndian(hhea[34..]);

        _glyphOffsets = ReadGlyphOffsets(Table("loca"), GlyphCount, longOffsets);
        _advances = ReadAdvances(Table("hmtx"), GlyphCount, metricsCount);
        _glyphForCharacter = ReadCharacterMap(Table("cmap"));

        var os2 = TableOrEmpty("OS/2");
        var os2Version = os2.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(os2) : 0;
        CapHeight = os2Version >= 2 && os2.Length >= 90 ? ReadInt16(os2, 88) : Ascent;
        ItalicAngle = BinaryPrimitives.ReadInt32BigEndian(Table("post")[4..]) / 65536.0;
        PostScriptName = ReadPostScriptName(Table("name"));
    }

    public string PostScriptName { get; }

    public int UnitsPerEm { get; }

    public int GlyphCount { get; }

    public (short XMin, short YMin, short XMax, short YMax) Bounds { get; }

    public short Ascent { get; }

    public short Descent { get; }

    public short CapHeight { get; }

    public double ItalicAngle { get; }

    public static TrueTypeFont Parse(byte[] bytes)
    {
        try
        {
            return new TrueTypeFont(bytes);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or KeyNotFoundException)
        {
            throw new InvalidOperationException("The font program is not a complete TrueType font.", e);
        }
    }

    /// <summary>The glyph the Unicode character map gives <paramref name="c"/>; 0 (.notdef) when it has none.</summary>
    public ushort Glyph(char c) => _glyphForCharacter[c];

    /// <summary>Advance width of a glyph in font units.</summary>
    public ushort Advance(ushort glyph) => _advances[glyph];

    /// <summary>The outline of a glyph as stored in 'glyf' (empty for a glyph without contours, such as a space).</summary>
    public ReadOnlySpan<byte> GlyphData(ushort glyph)
    {
        var start = _glyphOffsets[glyph];
        return Table("glyf").Slice(start, _glyphOffsets[glyph + 1] - start);
    }

    public ReadOnlySpan<byte> Table(string tag)
    {
        var (offset, length) = _tables[tag];
        return _bytes.AsSpan(offset, length);
    }

    public bool HasTable(string tag) => _tables.ContainsKey(tag);

    private ReadOnlySpan<byte> TableOrEmpty(string tag) => HasTable(tag) ? Table(tag) : [];

    private static short ReadInt16(ReadOnlySpan<byte> table, int offset) => BinaryPrimitives.ReadInt16BigEndian(table[offset..]);

    private static Dictionary<string, (int, int)> ReadTableDirectory(byte[] bytes)
    {
        var span = bytes.AsSpan();
        var count = BinaryPrimitives.ReadUInt16BigEndian(span[4..]);
        var tables = new Dictionary<string, (int, int)>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = span.Slice(12 + (16 * i), 16);
            var tag = Encoding.ASCII.GetString(record[..4]);
            var offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]));
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
            if (offset + length > bytes.Length)
            {
                throw new InvalidOperationException($"The font's '{tag}' table runs past the end of the file.");
            }

            tables[tag] = (offset, length);
        }

        return tables;
    }

    private static int[] ReadGlyphOffsets(ReadOnlySpan<byte> loca, int glyphCount, bool longOffsets)
    {
        var offsets = new int[glyphCount + 1];
        for (var i = 0; i <= glyphCount; i++)
        {
            offsets[i] = longOffsets
                ? checked((int)BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * i)..]))
                : BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * i)..]) * 2;
        }

        return offsets;
    }

    /// <summary>'hmtx' lists an advance for the first glyphs only; the rest repeat the last one (monospaced tails).</summary>
    private static ushort[] ReadAdvances(ReadOnlySpan<byte> hmtx, int glyphCount, int metricsCount)
    {
        var advances = new ushort[glyphCount];
        for (var i = 0; i < glyphCount; i++)
        {
            advances[i] = BinaryPrimitives.ReadUInt16BigEndian(hmtx[(4 * Math.Min(i, metricsCount - 1))..]);
        }

        return advances;
    }

    /// <summary>The Windows Unicode BMP subtable (platform 3, encoding 1, format 4), expanded to one entry per character.</summary>
    private static ushort[] ReadCharacterMap(ReadOnlySpan<byte> cmap)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
        for (var i = 0; i < count; i++)
        {
            var record = cmap.Slice(4 + (8 * i), 8);
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            var subtable = cmap[checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]))..];
            if (platform == 3 && encoding == 1 && BinaryPrimitives.ReadUInt16BigEndian(subtable) == SegmentedMapping)
            {
                return ReadSegmentedMapping(subtable);
            }
        }

        throw new InvalidOperationException("The font has no Windows Unicode (3,1) format 4 character map.");
    }

    private static ushort[] ReadSegmentedMapping(ReadOnlySpan<byte> subtable)
    {
        var glyphs = new ushort[char.MaxValue + 1];
        var segments = BinaryPrimitives.ReadUInt16BigEndian(subtable[6..]) / 2;
        var ends = 14;
        var starts = ends + (2 * segments) + 2;
        var deltas = starts + (2 * segments);
        var rangeOffsets = deltas + (2 * segments);
        for (var s = 0; s < segments; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(subtable[(ends + (2 * s))..]);
            int start = BinaryPrimitives.ReadUInt16BigEndian(subtable[(starts + (2 * s))..]);
            var delta = BinaryPrimitives.ReadInt16BigEndian(subtable[(deltas + (2 * s))..]);
            var rangeOffsetAt = rangeOffsets + (2 * s);
            var rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(subtable[rangeOffsetAt..]);
            for (var c = start; c <= end && c <= char.MaxValue; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    // The offset is relative to where it is stored (the format's well-known pointer trick).
                    var at = rangeOffsetAt + rangeOffset + (2 * (c - start));
                    glyph = BinaryPrimitives.ReadUInt16BigEndian(subtable[at..]);
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                glyphs[c] = (ushort)glyph;
            }
        }

        return glyphs;
    }

    private static string ReadPostScriptName(ReadOnlySpan<byte> name)
    {
        const int postScriptNameId = 6;
        var count = BinaryPrimitives.ReadUInt16BigEndian(name[2..]);
        var storage = BinaryPrimitives.ReadUInt16BigEndian(name[4..]);
        for (var i = 0; i < count; i++)
        {
            var record = name.Slice(6 + (12 * i), 12);
            if (BinaryPrimitives.ReadUInt16BigEndian(record[6..]) != postScriptNameId)
            {
                continue;
            }

            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var text = name.Slice(storage + BinaryPrimitives.ReadUInt16BigEndian(record[10..]), BinaryPrimitives.ReadUInt16BigEndian(record[8..]));
            return platform == 1 ? Encoding.ASCII.GetString(text) : Encoding.BigEndianUnicode.GetString(text);
        }

        throw new InvalidOperationException("The font has no PostScript name.");
    }
}
