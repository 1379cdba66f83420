using System.Globalization;
using System.Text;
using Invoicing.Documents;
using Invoicing.Documents.Pdf;
using UglyToad.PdfPig;

namespace Invoicing.Tests.Documents.Pdf;

/// <summary>The PDF writer's output as a strict reader needs it (PdfPig forgives broken offsets, so they are checked here).</summary>
public sealed class PagedPdfTests
{
    private static readonly InvoicePdfRenderer Renderer = new();

    [Fact]
    public void Cross_reference_table_gives_the_offset_of_every_object()
    {
        var pdf = Renderer.Render(new InvoiceDocumentBuilder().AsExample().Build());
        var text = Encoding.Latin1.GetString(pdf);

        var startxref = int.Parse(text[(text.LastIndexOf("startxref\n", StringComparison.Ordinal) + 10)..].Split('\n')[0], CultureInfo.InvariantCulture);
        var table = text[startxref..].Split('\n');
        Assert.Equal("xref", table[0]);
        var count = int.Parse(table[1].Split(' ')[1], CultureInfo.InvariantCulture);
        Assert.Equal("0000000000 65535 f ", table[2]);
        for (var number = 1; number < count; number++)
        {
            var entry = table[2 + number];
            Assert.Matches(@"^\d{10} 00000 n $", entry);
            var offset = int.Parse(entry[..10], CultureInfo.InvariantCulture);
            Assert.StartsWith($"{number} 0 obj\n", text[offset..], StringComparison.Ordinal);
        }

        Assert.Contains($"trailer\n<</Size {count} ", text, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_with_more_distinct_characters_than_one_map_block_reads_back_as_drawn()
    {
        var font = EmbeddedFont.Load("Invoicing.Documents.Fonts.LiberationSans-Regular.ttf");
        var letters = Enumerable.Range(0xC0, 0x17F - 0xC0).Select(c => (char)c).Where(font.Has).ToArray();
        Assert.True(letters.Length > 150);
        var words = letters.Chunk(10).Select(chunk => new string(chunk)).ToArray();
        var document = new InvoiceDocumentBuilder().WithLines(new DocumentLine(string.Join(' ', words), Money.FromKronor(1))).Build();

        using var pdf = PdfDocument.Open(Renderer.Render(document));
        var pageWords = pdf.GetPage(1).GetWords().Select(w => w.Text).ToHashSet();

        Assert.All(words, word => Assert.Contains(word, pageWords));
    }

    [Fact]
    public void Document_information_that_is_not_ASCII_reads_back_as_written()
    {
        var document = new InvoiceDocumentBuilder().WithSellerName("Mälardalens (gemensamma) kommunförbund \\ Łódź").Build();

        using var pdf = PdfDocument.Open(Renderer.Render(document));

        Assert.Equal("Mälardalens (gemensamma) kommunförbund \\ Łódź", pdf.Information.Author);
    }
}
