namespace Invoicing.Documents.Pdf;

/// <summary>
/// A one-page PDF document: its fonts, its content and its document information, written by
/// <see cref="PdfObjectWriter"/>. The fonts' programs are read once per process (<see cref="EmbeddedFont"/>); a
/// document only picks and renumbers the glyphs it draws, so rendering costs about what the page itself holds.
/// </summary>
internal sealed class OnePagePdf(double width, double height) : IDisposable
{
    // An invoice with two font subsets is about 30 KB; one buffer of that size avoids growing it.
    private readonly PdfObjectWriter _writer = new(40 * 1024);
    private readonly List<PdfFont> _fonts = [];

    public PdfContent Content { get; } = new();

    public PdfFont AddFont(EmbeddedFont font)
    {
        var added = new PdfFont("F" + (_fonts.Count + 1), font, _writer.Reserve());
        _fonts.Add(added);
        return added;
    }

    /// <summary>The finished file; call once, after the content is drawn.</summary>
    public byte[] Build(PdfInformation information)
    {
        ArgumentNullException.ThrowIfNull(information);
        var catalog = _writer.Reserve();
        var pages = _writer.Reserve();
        var page = _writer.Reserve();
        var content = _writer.Reserve();
        var info = _writer.Reserve();
        var output = _writer.Output;

        _writer.BeginObject(catalog);
        output.Ascii("<</Type /Catalog /Pages");
        _writer.Reference(pages);
        output.Ascii(">>");
        _writer.EndObject();

        _writer.BeginObject(pages);
        output.Ascii("<</Type /Pages /Count 1 /Kids [");
        _writer.Reference(page);
        output.Ascii("]>>");
        _writer.EndObject();

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

        _writer.Stream(content, Content.Bytes);
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
        Content.Dispose();
        _writer.Dispose();
    }
}
