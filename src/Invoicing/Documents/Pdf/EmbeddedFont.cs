using Invoicing.Documents.Pdf;

namespace Invoicing.Documents.Pdf;

/// <summary>
/// A TrueType font shipped as an embedded resource: its program, read once (each document embeds the subset of
/// glyphs it draws), and the advance width of every character it has, so text can be measured, wrapped and
/// right-aligned without a page. Immutable after construction but for its thread-safe cache of subset programs
/// (<see cref="SubsetProgramCache"/>), so one instance serves all threads.
/// </summary>
internal sealed class EmbeddedFont
{
    /// <summary>Characters above this are not looked up; the invoice text is Latin script.</summary>
    private const char LastCharacter = '\u2FFF';

    /// <summary>Advance width per character in em (1.0 = the font size); NaN when the font has no glyph for it.</summary>
    private readonly double[] _advance;

    private EmbeddedFont(string name, TrueTypeFont program, double[] advance)
    {
        Name = name;
        Program = program;
        SubsetPrograms = new SubsetProgramCache(program);
        _advance = advance;
    }

    public string Name { get; }

    /// <summary>The font program as shipped, read once.</summary>
    public TrueTypeFont Program { get; }

    /// <summary>The compressed subset programs of the glyph sets documents drew recently.</summary>
    public SubsetProgramCache SubsetPrograms { get; }

    public static EmbeddedFont Load(string resourceName)
    {
        var assembly = typeof(EmbeddedFont).Assembly;
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The font resource '{resourceName}' is not embedded in {assembly.GetName().Name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();

        var program = TrueTypeFont.Parse(bytes);
        var advance = new double[LastCharacter + 1];
        for (var c = (char)0; c <= LastCharacter; c++)
        {
            var glyph = program.Glyph(c);
            advance[c] = glyph > 0 ? program.Advance(glyph) / (double)program.UnitsPerEm : double.NaN;
        }

        return new EmbeddedFont(resourceName, program, advance);
    }

    public bool Has(char c) => c <= LastCharacter && !double.IsNaN(_advance[c]);

    /// <summary>
    /// The text as the font can draw it on one line: control characters (tabs, line breaks) become spaces and
    /// characters without a glyph become '?', so a stray character in a description never fails a whole run.
    /// </summary>
    public string Drawable(string text)
    {
        if (text.All(c => !char.IsControl(c) && Has(c)))
        {
            return text;
        }

        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsControl(c) ? ' ' : Has(c) ? c : '?';
            }
        });
    }

    /// <summary>Width in points of <paramref name="text"/> (already <see cref="Drawable"/>) at <paramref name="size"/>.</summary>
    public double Width(string text, double size)
    {
        var ems = 0.0;
        foreach (var c in text)
        {
            ems += Has(c) ? _advance[c] : 0;
        }

        return ems * size;
    }
}
