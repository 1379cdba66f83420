using System.Buffers.Binary;

namespace Invoicing.Documents.Pdf;

/// <summary>
/// One <see cref="EmbeddedFont"/> as one document uses it: a composite (Type0) font whose two-byte character codes
/// are numbered in the order the characters are first drawn. Each character has its own code even where two share
/// a glyph (a space and a no-break space), so text copied out of the PDF is the text that was drawn. Only the
/// glyphs drawn are embedded (<see cref="TrueTypeSubset"/>).
/// </summary>
internal sealed class PdfFont(string resourceName, EmbeddedFont font, int objectNumber)
{
    private readonly Dictionary<char, ushort> _codes = [];
    private readonly List<char> _characters = [];

    /// <summary>The name the page's resources give the font, such as "F1".</summary>
    public string ResourceName { get; } = resourceName;

    public EmbeddedFont Font { get; } = font;

    /// <summary>The number of the font's dictionary, which the page's resources refer to.</summary>
    public int ObjectNumber { get; } = objectNumber;

    /// <summary>Writes <paramref name="text"/> (already <see cref="EmbeddedFont.Drawable"/>) as a hex string of codes.</summary>
    public void WriteText(string text, ByteBuffer content)
    {
        content.Write((byte)'<');
        foreach (var c in text)
        {
            if (!_codes.TryGetValue(c, out var code))
            {
                _characters.Add(c);
                code = (ushort)_characters.Count;
                _codes[c] = code;
            }

            content.Hex(code);
        }

        content.Write((byte)'>');
    }

    /// <summary>The font's objects: Type0 font, CID font, descriptor, font program, glyph map and Unicode map.</summary>
    public void WriteObjects(PdfObjectWriter writer)
    {
        var program = Font.Program;
        var glyphs = TrueTypeSubset.Closure(program, _characters.Select(program.Glyph));
        var newGlyph = new Dictionary<ushort, ushort>(glyphs.Length);
        for (var i = 0; i < glyphs.Length; i++)
        {
            newGlyph[glyphs[i]] = (ushort)i;
        }

        var cidFont = writer.Reserve();
        var descriptor = writer.Reserve();
        var fontFile = writer.Reserve();
        var glyphMap = writer.Reserve();
        var toUnicode = writer.Reserve();
        var baseFont = SubsetTag(glyphs) + "+" + program.PostScriptName;
        var output = writer.Output;

        writer.BeginObject(ObjectNumber);
        output.Ascii("<</Type /Font /Subtype /Type0 /BaseFont /" + baseFont + " /Encoding /Identity-H /DescendantFonts [");
        writer.Reference(cidFont);
        output.Ascii("] /ToUnicode");
        writer.Reference(toUnicode);
        output.Ascii(">>");
        writer.EndObject();

        writer.BeginObject(cidFont);
        output.Ascii("<</Type /Font /Subtype /CIDFontType2 /BaseFont /" + baseFont);
        output.Ascii(" /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor");
        writer.Reference(descriptor);
        output.Ascii(" /CIDToGIDMap");
        writer.Reference(glyphMap);
        output.Ascii(" /W [1 [");
        foreach (var c in _characters)
        {
            output.Number(ToGlyphSpace(program, program.Advance(program.Glyph(c))));
            output.Write((byte)' ');
        }

        output.Ascii("]]>>");
        writer.EndObject();

        writer.BeginObject(descriptor);
        var (xMin, yMin, xMax, yMax) = program.Bounds;
        output.Ascii("<</Type /FontDescriptor /FontName /" + baseFont + " /Flags 4 /FontBBox [");
        foreach (var value in new[] { xMin, yMin, xMax, yMax })
        {
            output.Number(ToGlyphSpace(program, value));
            output.Write((byte)' ');
        }

        output.Ascii("] /ItalicAngle ");
        output.Number(program.ItalicAngle);
        output.Ascii(" /Ascent ");
        output.Number(ToGlyphSpace(program, program.Ascent));
        output.Ascii(" /Descent ");
        output.Number(ToGlyphSpace(program, program.Descent));
        output.Ascii(" /CapHeight ");
        output.Number(ToGlyphSpace(program, program.CapHeight));
        // StemV is required but only a hint for substitution; 80 is the usual value for a regular sans.
        output.Ascii(" /StemV 80 /FontFile2");
        writer.Reference(fontFile);
        output.Ascii(">>");
        writer.EndObject();

        var subset = Font.SubsetPrograms.Get(glyphs);
        writer.CompressedStream(fontFile, subset.Compressed, entries => { entries.Ascii(" /Length1 "); entries.Number(subset.Length); });

        var map = new byte[2 * (_characters.Count + 1)];
        for (var code = 1; code <= _characters.Count; code++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(map.AsSpan(2 * code), newGlyph[program.Glyph(_characters[code - 1])]);
        }

        writer.Stream(glyphMap, map);
        WriteToUnicode(writer, toUnicode);
    }

    private static double ToGlyphSpace(TrueTypeFont program, int fontUnits) => fontUnits * 1000.0 / program.UnitsPerEm;

    /// <summary>
    /// Six capital letters naming the subset, as PDF requires of subset fonts (9.6.4): derived from the glyphs, so
    /// the same text gives the same name.
    /// </summary>
    private static string SubsetTag(ushort[] glyphs)
    {
        var hash = 2166136261u;
        foreach (var glyph in glyphs)
        {
            hash = (hash ^ glyph) * 16777619u;
        }

        return string.Create(6, hash, (span, h) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('A' + (h % 26));
                h /= 26;
            }
        });
    }

    private void WriteToUnicode(PdfObjectWriter writer, int number)
    {
        using var cmap = new ByteBuffer(1024 + (20 * _characters.Count));
        cmap.Ascii(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
            "/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        // At most 100 mappings per block (PDF 32000-1, 9.10.3).
        for (var first = 0; first < _characters.Count; first += 100)
        {
            var count = Math.Min(100, _characters.Count - first);
            cmap.Number(count);
            cmap.Ascii(" beginbfchar\n");
            for (var i = first; i < first + count; i++)
            {
                cmap.Write((byte)'<');
                cmap.Hex((ushort)(i + 1));
                cmap.Ascii("> <");
                cmap.Hex(_characters[i]);
                cmap.Ascii(">\n");
            }

            cmap.Ascii("endbfchar\n");
        }

        cmap.Ascii("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        writer.Stream(number, cmap.WrittenSpan);
    }
}
