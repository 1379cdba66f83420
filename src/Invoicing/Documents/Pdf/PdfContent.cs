namespace Invoicing.Documents.Pdf;

/// <summary>
/// A page's content stream: positioned text runs, straight lines and filled rectangles, each in one colour,
/// with the page's origin at the bottom left. Every operation leaves the graphics state as it found it.
/// </summary>
internal sealed class PdfContent : IDisposable
{
    private readonly ByteBuffer _stream = new(8 * 1024);

    public ReadOnlySpan<byte> Bytes => _stream.WrittenSpan;

    /// <summary>One line of text (already <see cref="EmbeddedFont.Drawable"/>) starting at baseline point (x, y).</summary>
    public void Text(PdfFont font, double size, double x, double y, string text, Rgb colour)
    {
        var coloured = colour != Rgb.Black;
        if (coloured)
        {
            Colour(colour, "rg");
        }

        _stream.Ascii("BT /");
        _stream.Ascii(font.ResourceName);
        _stream.Write((byte)' ');
        _stream.Number(size);
        _stream.Ascii(" Tf ");
        Point(x, y);
        _stream.Ascii(" Td ");
        font.WriteText(text, _stream);
        _stream.Ascii(" Tj ET\n");
        if (coloured)
        {
            _stream.Ascii("0 g\n");
        }
    }

    public void Line(double x1, double y1, double x2, double y2, double width, Rgb colour)
    {
        Colour(colour, "RG");
        _stream.Number(width);
        _stream.Ascii(" w ");
        Point(x1, y1);
        _stream.Ascii(" m ");
        Point(x2, y2);
        _stream.Ascii(" l S 0 G 1 w\n");
    }

    public void FilledRectangle(double x, double y, double width, double height, Rgb colour)
    {
        Colour(colour, "rg");
        Point(x, y);
        _stream.Write((byte)' ');
        Point(width, height);
        _stream.Ascii(" re f 0 g\n");
    }

    public void Dispose() => _stream.Dispose();

    private void Point(double x, double y)
    {
        _stream.Number(x);
        _stream.Write((byte)' ');
        _stream.Number(y);
    }

    /// <summary>"r g b rg" (fill) or "r g b RG" (stroke), each component 0–1.</summary>
    private void Colour(Rgb colour, string operation)
    {
        _stream.Number(colour.R / 255.0);
        _stream.Write((byte)' ');
        _stream.Number(colour.G / 255.0);
        _stream.Write((byte)' ');
        _stream.Number(colour.B / 255.0);
        _stream.Write((byte)' ');
        _stream.Ascii(operation);
        _stream.Write((byte)'\n');
    }
}
