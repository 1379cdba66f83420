using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Invoicing.Documents;
using Invoicing.Documents.Pdf;

namespace Invoicing.Tests.Documents.Pdf;

public sealed class SubsetProgramCacheTests
{
    private const string Regular = "Invoicing.Documents.Fonts.LiberationSans-Regular.ttf";

    [Fact]
    public void A_cached_program_is_the_subset_compressed_and_is_computed_once_per_glyph_set()
    {
        var font = EmbeddedFont.Load(Regular).Program;
        var cache = new SubsetProgramCache(font);
        var glyphs = TrueTypeSubset.Closure(font, "Västerås Ödeshög 0123456789".Select(font.Glyph));

        var first = cache.Get(glyphs);
        var second = cache.Get([.. glyphs]);

        Assert.Same(first, second);
        var subset = SubsetBytes(font, glyphs);
        Assert.Equal(subset.Length, first.Length);
        Assert.Equal(subset, Decompress(first.Compressed));
        Assert.Equal(Compress(subset), first.Compressed);
    }

    [Fact]
    public void Different_glyph_sets_get_their_own_programs()
    {
        var font = EmbeddedFont.Load(Regular).Program;
        var cache = new SubsetProgramCache(font);

        var ab = cache.Get(TrueTypeSubset.Closure(font, "ab".Select(font.Glyph)));
        var abc = cache.Get(TrueTypeSubset.Closure(font, "abc".Select(font.Glyph)));

        Assert.NotEqual(ab.Compressed, abc.Compressed);
        Assert.Equal(SubsetBytes(font, TrueTypeSubset.Closure(font, "abc".Select(font.Glyph))), Decompress(abc.Compressed));
    }

    [Fact]
    public void The_cache_never_holds_more_than_its_capacity_and_still_answers_correctly_once_emptied()
    {
        var font = EmbeddedFont.Load(Regular).Program;
        var cache = new SubsetProgramCache(font);
        // Every subset of ten letters is another glyph set.
        var sets = Enumerable.Range(1, SubsetProgramCache.Capacity + 20)
            .Select(i => TrueTypeSubset.Closure(font, Subset("abcdefghij", i).Select(font.Glyph)))
            .ToArray();

        foreach (var glyphs in sets)
        {
            cache.Get(glyphs);
            Assert.InRange(cache.Count, 1, SubsetProgramCache.Capacity);
        }

        Assert.Equal(SubsetBytes(font, sets[0]), Decompress(cache.Get(sets[0]).Compressed));
    }

    [Fact]
    public void Concurrent_requests_for_one_glyph_set_give_the_same_bytes()
    {
        var font = EmbeddedFont.Load(Regular).Program;
        var cache = new SubsetProgramCache(font);
        var glyphs = TrueTypeSubset.Closure(font, "Kommun 123 Region Örebro".Select(font.Glyph));
        var expected = Compress(SubsetBytes(font, glyphs));

        var results = new SubsetProgram[16];
        Parallel.For(0, results.Length, i => results[i] = cache.Get(glyphs));

        Assert.All(results, program => Assert.Equal(expected, program.Compressed));
    }

    [Fact]
    public void A_renderer_whose_cache_has_seen_many_other_documents_renders_the_bytes_of_a_fresh_renderer()
    {
        var document = new InvoiceDocumentBuilder().WithBuyerName("Ödeshögs kommun").Build();
        var expected = new InvoicePdfRenderer().Render(document);
        var used = new InvoicePdfRenderer();

        // More buyer names than the cache holds, each with another subset of letters no label has, so each draws
        // another glyph set of the bold font and that font's cache is emptied at least once.
        var boldSubsets = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i <= SubsetProgramCache.Capacity + 10; i++)
        {
            var pdf = used.Render(new InvoiceDocumentBuilder().WithBuyerName("Kommun " + Subset("ÆØÞßðþ¥©®", i)).Build());
            boldSubsets.Add(Regex.Match(Encoding.Latin1.GetString(pdf), @"/BaseFont /([A-Z]{6})\+LiberationSans-Bold").Groups[1].Value);
        }

        Assert.True(boldSubsets.Count > SubsetProgramCache.Capacity, $"only {boldSubsets.Count} bold glyph sets were drawn");
        Assert.Equal(expected, used.Render(document));
    }

    /// <summary>The characters of <paramref name="characters"/> whose bits are set in <paramref name="bits"/>.</summary>
    private static string Subset(string characters, int bits) =>
        new([.. characters.Where((_, i) => (bits & (1 << i)) != 0)]);

    private static byte[] SubsetBytes(TrueTypeFont font, ushort[] glyphs)
    {
        using var buffer = new ByteBuffer(1024);
        TrueTypeSubset.Write(font, glyphs, buffer);
        return buffer.ToArray();
    }

    private static byte[] Compress(byte[] data)
    {
        using var buffer = new ByteBuffer(1024);
        PdfObjectWriter.Compress(data, buffer);
        return buffer.ToArray();
    }

    private static byte[] Decompress(byte[] compressed)
    {
        using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }
}
