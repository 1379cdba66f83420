using System.Buffers.Binary;

namespace Invoicing.Documents.Pdf;

/// <summary>
/// A font program with only the glyphs one document draws, renumbered 0, 1, 2… in the order of their original
/// numbers (glyph 0, .notdef, always first). Composite glyphs (most accented letters) bring their components,
/// whose numbers are rewritten. Hinting tables and the name table (copyright and licence) are kept as they are;
/// the character map is left out because the PDF maps its character codes to glyphs itself (CIDToGIDMap).
/// </summary>
internal static class TrueTypeSubset
{
    // Composite glyph flags (OpenType 'glyf' specification).
    private const ushort ArgumentsAreWords = 0x0001;
    private const ushort HasScale = 0x0008;
    private const ushort MoreComponents = 0x0020;
    private const ushort HasXAndYScale = 0x0040;
    private const ushort HasTwoByTwo = 0x0080;

    private static readonly string[] CopiedTables = ["OS/2", "cvt ", "fpgm", "name", "prep"];

    /// <summary>The glyphs, their components (recursively) and .notdef, in ascending order: the subset's numbering.</summary>
    public static ushort[] Closure(TrueTypeFont font, IEnumerable<ushort> glyphs)
    {
        var included = new SortedSet<ushort>();
        var pending = new Stack<ushort>(glyphs);
        pending.Push(0);
        var positions = new List<int>();
        while (pending.TryPop(out var glyph))
        {
            if (!included.Add(glyph))
            {
                continue;
            }

            var data = font.GlyphData(glyph);
            ComponentPositions(data, positions);
            foreach (var at in positions)
            {
                pending.Push(BinaryPrimitives.ReadUInt16BigEndian(data[at..]));
            }
        }

        return [.. included];
    }

    /// <summary>The subset font program for <paramref name="glyphs"/>, a <see cref="Closure"/>.</summary>
    public static void Write(TrueTypeFont font, ReadOnlySpan<ushort> glyphs, ByteBuffer output)
    {
        var newNumber = new Dictionary<ushort, ushort>(glyphs.Length);
        for (var i = 0; i < glyphs.Length; i++)
        {
            newNumber[glyphs[i]] = (ushort)i;
        }

        using var glyf = new ByteBuffer(16 * 1024);
        var loca = new byte[4 * (glyphs.Length + 1)];
        var hmtx = new byte[4 * glyphs.Length];
        var positions = new List<int>();
        for (var i = 0; i < glyphs.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * i), (uint)glyf.Length);
            var data = font.GlyphData(glyphs[i]);
            var start = glyf.Length;
            glyf.Write(data);
            var written = glyf.WrittenSpan[start..];
            ComponentPositions(data, positions);
            foreach (var at in positions)
            {
                BinaryPrimitives.WriteUInt16BigEndian(written[at..], newNumber[BinaryPrimitives.ReadUInt16BigEndian(data[at..])]);
            }

            glyf.Pad(4);

            BinaryPrimitives.WriteUInt16BigEndian(hmtx.AsSpan(4 * i), font.Advance(glyphs[i]));
            var leftSideBearing = data.Length >= 4 ? BinaryPrimitives.ReadInt16BigEndian(data[2..]) : (short)0;
            BinaryPrimitives.WriteInt16BigEndian(hmtx.AsSpan((4 * i) + 2), leftSideBearing);
        }

        BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * glyphs.Length), (uint)glyf.Length);

        var head = font.Table("head").ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0); // checkSumAdjustment, set once the file is complete
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1); // long 'loca' offsets
        var hhea = font.Table("hhea").ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(34), (ushort)glyphs.Length);
        var maxp = font.Table("maxp").ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(4), (ushort)glyphs.Length);
        var post = font.Table("post")[..32].ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000); // version 3: no glyph names

        var tables = new List<(string Tag, byte[] Data)>
        {
            ("glyf", glyf.WrittenSpan.ToArray()), ("head", head), ("hhea", hhea), ("hmtx", hmtx), ("loca", loca), ("maxp", maxp), ("post", post),
        };
        tables.AddRange(CopiedTables.Where(font.HasTable).Select(tag => (tag, font.Table(tag).ToArray())));
        tables.Sort((a, b) => string.CompareOrdinal(a.Tag, b.Tag));
        WriteFile(tables, output);
    }

    private static void WriteFile(List<(string Tag, byte[] Data)> tables, ByteBuffer output)
    {
        var fileStart = output.Length;
        var power = 1;
        var log2 = 0;
        while (power * 2 <= tables.Count)
        {
            power *= 2;
            log2++;
        }

        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(header, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], (ushort)tables.Count);
        BinaryPrimitives.WriteUInt16BigEndian(header[6..], (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(header[8..], (ushort)log2);
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], (ushort)((tables.Count - power) * 16));
        output.Write(header);

        var offset = 12 + (16 * tables.Count);
        var headOffset = 0;
        Span<byte> record = stackalloc byte[16];
        foreach (var (tag, data) in tables)
        {
            for (var i = 0; i < 4; i++)
            {
                record[i] = (byte)tag[i];
            }

            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            output.Write(record);
            headOffset = tag == "head" ? offset : headOffset;
            offset += (data.Length + 3) & ~3;
        }

        foreach (var (_, data) in tables)
        {
            output.Write(data);
            output.Pad(4);
        }

        // The whole file's checksum makes head.checkSumAdjustment come out at 0xB1B0AFBA.
        var file = output.WrittenSpan[fileStart..];
        BinaryPrimitives.WriteUInt32BigEndian(file[(headOffset + 8)..], 0xB1B0AFBA - Checksum(file));
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
        }

        if (i < data.Length)
        {
            Span<byte> tail = stackalloc byte[4];
            tail.Clear();
            data[i..].CopyTo(tail);
            sum += BinaryPrimitives.ReadUInt32BigEndian(tail);
        }

        return sum;
    }

    /// <summary>Where in a composite <paramref name="glyph"/> its components' glyph numbers are stored (none for a simple one).</summary>
    private static void ComponentPositions(ReadOnlySpan<byte> glyph, List<int> positions)
    {
        positions.Clear();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0)
        {
            return;
        }

        var at = 10;
        ushort flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            positions.Add(at + 2);
            at += 4 + ((flags & ArgumentsAreWords) != 0 ? 4 : 2);
            at += (flags & HasScale) != 0 ? 2 : (flags & HasXAndYScale) != 0 ? 4 : (flags & HasTwoByTwo) != 0 ? 8 : 0;
        }
        while ((flags & MoreComponents) != 0);
    }
}
