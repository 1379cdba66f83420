using System.Buffers.Binary;
using Invoicing.Documents;
using Invoicing.Documents.Pdf;
using UglyToad.PdfPig.Fonts.TrueType.Parser;
using PdfPigFont = UglyToad.PdfPig.Fonts.TrueType.TrueTypeFont;
using PdfPigFontBytes = UglyToad.PdfPig.Fonts.TrueType.TrueTypeDataBytes;

namespace Invoicing.Tests.Documents.Pdf;

public sealed class TrueTypeSubsetTests
{
    private const string Regular = "Invoicing.Documents.Fonts.LiberationSans-Regular.ttf";

    // Swedish letters with diacritics are composite glyphs in Liberation Sans: base letter plus accent.
    private const string Text = "Västerås Ödeshög Åre É ü 0123456789 – · §";

    [Fact]
    public void Subset_glyphs_have_the_original_outlines_and_advances()
    {
        var font = EmbeddedFont.Load(Regular).Program;
        var glyphs = TrueTypeSubset.Closure(font, Text.Select(font.Glyph));
        var original = TrueTypeFontParser.Parse(new PdfPigFontBytes(EmbeddedFontTests.ResourceBytes(Regular)));

        var subset = TrueTypeFontParser.Parse(new PdfPigFontBytes(SubsetBytes(font, glyphs)));

        // The comparison is of coordinates, and composites are resolved into their components' outlines.
        Assert.Matches(@"\d+\.?\d* .*\|", Outline(original, font.Glyph('å')));
        Assert.Equal(glyphs.Length, subset.TableRegister.HorizontalMetricsTable.HorizontalMetrics.Count);
        for (var i = 0; i < glyphs.Length; i++)
        {
            Assert.Equal(Outline(original, glyphs[i]), Outline(subset, i));
            Assert.Equal(original.TableRegister.HorizontalMetricsTable.GetAdvanceWidth(glyphs[i]), subset.TableRegister.HorizontalMetricsTable.GetAdvanceWidth(i));
        }
    }

    [Fact]
    public void Closure_holds_notdef_the_glyphs_and_their_components_in_ascending_order()
    {
        var font = EmbeddedFont.Load(Regular).Program;

        var glyphs = TrueTypeSubset.Closure(font, "å".Select(font.Glyph));

        Assert.Equal(0, glyphs[0]);
        Assert.Contains(font.Glyph('å'), glyphs);
        Assert.True(glyphs.Length > 2, "å is a composite glyph: its components come along.");
        Assert.Equal(glyphs.Order(), glyphs);
    }

    [Fact]
    public void Subset_file_checksum_is_the_TrueType_magic_number()
    {
        var font = EmbeddedFont.Load(Regular).Program;

        var bytes = SubsetBytes(font, TrueTypeSubset.Closure(font, Text.Select(font.Glyph)));

        uint sum = 0;
        for (var i = 0; i < bytes.Length; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(i));
        }

        Assert.Equal(0, bytes.Length % 4);
        Assert.Equal(0xB1B0AFBAu, sum);
    }

    private static byte[] SubsetBytes(TrueTypeFont font, ushort[] glyphs)
    {
        using var buffer = new ByteBuffer(1024);
        TrueTypeSubset.Write(font, glyphs, buffer);
        return buffer.ToArray();
    }

    /// <summary>The glyph's contours as PdfPig draws them, composites resolved: each one's size and bounds.</summary>
    private static string Outline(PdfPigFont font, int glyph)
    {
        font.TryGetPath(0, _ => glyph, out var path);
        return string.Join(" | ", (path ?? []).Select(p => $"{p.Commands.Count} commands in {p.GetBoundingRectangle()}"));
    }
}
