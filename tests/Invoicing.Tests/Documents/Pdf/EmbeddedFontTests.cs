using Invoicing.Documents;
using Invoicing.Documents.Pdf;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;

namespace Invoicing.Tests.Documents.Pdf;

public sealed class EmbeddedFontTests
{
    public static TheoryData<string> Fonts => new()
    {
        "Invoicing.Documents.Fonts.LiberationSans-Regular.ttf",
        "Invoicing.Documents.Fonts.LiberationSans-Bold.ttf",
    };

    /// <summary>
    /// Our own font reader is checked against PdfPig's, an independent one, character by character, with the rule
    /// the renderer applied when it read the font with PdfPig (a glyph, a bounding box and an advance): which
    /// characters print and how wide they are is unchanged, so the layout is too.
    /// </summary>
    [Theory]
    [MemberData(nameof(Fonts))]
    public void Has_and_measures_every_character_as_PdfPig_reads_the_font(string resource)
    {
        var font = EmbeddedFont.Load(resource);
        var reference = TrueTypeFontParser.Parse(new TrueTypeDataBytes(ResourceBytes(resource)));
        var unitsPerEm = (double)reference.GetUnitsPerEm();

        for (var c = (char)0; c <= '\u2FFF'; c++)
        {
            var expected = reference.WindowsUnicodeCMap!.CharacterCodeToGlyphIndex(c) > 0 && reference.TryGetBoundingBox(c, out _) && reference.TryGetAdvanceWidth(c, out _);
            Assert.True(expected == font.Has(c), $"U+{(int)c:X4}: PdfPig says {expected}, we say {font.Has(c)}.");
            if (expected)
            {
                reference.TryGetAdvanceWidth(c, out var width);
                Assert.Equal(width / unitsPerEm * 10, font.Width(c.ToString(), 10), 9);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Fonts))]
    public void Reads_the_PostScript_name_and_units_per_em(string resource)
    {
        var font = EmbeddedFont.Load(resource);

        Assert.Equal(resource.Contains("Bold", StringComparison.Ordinal) ? "LiberationSans-Bold" : "LiberationSans", font.Program.PostScriptName);
        Assert.Equal(2048, font.Program.UnitsPerEm);
    }

    internal static byte[] ResourceBytes(string resource)
    {
        using var stream = typeof(EmbeddedFont).Assembly.GetManifestResourceStream(resource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
