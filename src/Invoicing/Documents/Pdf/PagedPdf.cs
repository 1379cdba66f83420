namespace Invoicing.Documents.Pdf;

/// <summary>
/// A PDF document of pages of one size: its fonts (shared by every page), each page's content and its document
/// information, written by <see cref="PdfObjectWriter"/>. The fonts' programs are read once per process
/// (<see cref="EmbeddedFont"/>); a document only picks and renumbers the glyphs it draws, so rendering costs about
/// what its pages hold. The writer does not lay out: a layout that runs over pages decides its breaks first (it
/// needs the number of pages for "Sida n av N"), then draws each page on one <see cref="AddPage"/>.
/// </summary>
internal sealed class PagedPdf(double width, double height) : IDisposable
{
    // An invoice with two font subsets is about 30 KB; one buffer of that size avoids growing it.
    private readonly PdfObjectWriter _writer = new(40 * 1024);
    private readonly List<PdfFont> _fonts = [];
    private readonly List<PdfContent> _pages = [];

    public PdfFont AddFont(EmbeddedFont font)
    {
        var added = new PdfFont("F" + (_fonts.Count + 1), font, _writer.Reserve());
        _fonts.Add(added);
        return added;
    }

    /// <summary>A new page after the others, to draw on; every page has every font.</summary>
    public PdfContent AddPage()
    {
        var page = new PdfContent();
        _pages.Add(page);
        return page;
    }

    /// <summary>The finished file; call once, after every page is drawn.</summary>
    /// <exception cref="InvalidOperationException">No page was added.</exception>
    public byte[] Build(PdfInformation information)
    {
        ArgumentNullException.ThrowIfNull(information);
        if (_pages.Count == 0)
        {
            throw new InvalidOperationException("A PDF has at least one page.");
        }

        // Numbered in this order, a one-page document is the same file it was before the writer knew more pages.
        var catalog = _writer.Reserve();
        var pages = _writer.Reserve();
        var objects = _pages.Select(drawn => (Page: _writer.Reserve(), Content: _writer.Reserve(), Drawn: drawn)).ToArray();
        var info = _writer.Reserve();
        var output = _writer.Output;

        _writer.BeginObject(catalog);
        output.Ascii("<</Type /Catalog /Pages");
        _writer.Reference(pages);
        output.Ascii(">>");
        _writer.EndObject();

        _writer.BeginObject(pages);
        output.Ascii("<</Type /Pages /Count ");
        output.Number(objects.Length);
        output.Ascii(" /Kids [");
        foreach (var (page, _, _) in objects)
        {
            _writer.Reference(page);
        }

        output.Ascii("]>>");
        _writer.EndObject();

        foreach (var (page, content, drawn) in objects)
        {
            WritePage(page, pages, content, drawn);
        }

        foreach (var font in _fonts)
        {
            font.WriteObjects(_writer);
        }

        _writer.BeginObject(info);
        output.Ascii("<</Title ");
        PdfText.Write(information.Title, output);
        output.Ascii(" /Author ");
        PdfText.Write(information.Author, output);
        output.Ascii(" /Subject ");
        PdfText.Write(information.Subject, output);
        output.Ascii(" /Creator ");
        PdfText.Write(information.Creator, output);
        output.Ascii(" /Producer ");
        PdfText.Write(information.Creator, output);
        output.Ascii(" /CreationDate ");
        PdfText.Write(information.Date, output);
        output.Ascii(" /ModDate ");
        PdfText.Write(information.Date, output);
        output.Ascii(">>");
        _writer.EndObject();

        return _writer.Finish(catalog, info);
    }

    public void Dispose()
    {
        foreach (var page in _pages)
        {
            page.Dispose();
        }

        _writer.Dispose();
    }

    private void WritePage(int page, int pages, int content, PdfContent drawn)
    {
        var output = _writer.Output;
        _writer.BeginObject(page);
        output.Ascii("<</Type /Page /Parent");
        _writer.Reference(pages);
        output.Ascii(" /MediaBox [0 0 ");
        output.Number(width);
        output.Write((byte)' ');
        output.Number(height);
        output.Ascii("] /Resources <</Font <<");
        foreach (var font in _fonts)
        {
            output.Ascii("/" + font.ResourceName);
            _writer.Reference(font.ObjectNumber);
            output.Write((byte)' ');
        }

        output.Ascii(">>>> /Contents");
        _writer.Reference(content);
        output.Ascii(">>");
        _writer.EndObject();
        _writer.Stream(content, drawn.Bytes);
    }
}
