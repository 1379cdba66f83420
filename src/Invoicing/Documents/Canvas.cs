using Invoicing.Documents.Pdf;

namespace Invoicing.Documents;

/// <summary>
/// Drawing on one page, in the terms a layout needs: text that is measured, wrapped and aligned; rules and filled
/// boxes. Points from the bottom-left corner, so "down the page" is a decreasing y.
/// </summary>
internal sealed class Canvas(PdfContent page, PdfFont regular, PdfFont bold)
{
    public PdfFont Regular { get; } = regular;

    public PdfFont Bold { get; } = bold;

    public void Text(string text, double x, double y, PdfFont face, double size, Rgb? colour = null)
    {
        var drawable = face.Font.Drawable(text);
        if (drawable.Length > 0)
        {
            page.Text(face, size, x, y, drawable, colour ?? Rgb.Black);
        }
    }

    public void TextRight(string text, double right, double y, PdfFont face, double size, Rgb? colour = null) =>
        Text(text, right - Width(text, face, size), y, face, size, colour);

    public void Centred(string text, double centre, double y, PdfFont face, double size, Rgb? colour = null) =>
        Text(text, centre - Width(text, face, size) / 2, y, face, size, colour);

    /// <summary>Draws wrapped text from baseline <paramref name="y"/> down.</summary>
    /// <returns>The baseline of the line that would follow.</returns>
    public double Paragraph(string text, double x, double y, double width, PdfFont face, double size, double leading, Rgb? colour = null)
    {
        foreach (var line in Wrap(text, face, size, width))
        {
            Text(line, x, y, face, size, colour);
            y -= leading;
        }

        return y;
    }

    public IReadOnlyList<string> Wrap(string text, PdfFont face, double size, double width) =>
        TextWrapper.Wrap(face.Font.Drawable(text.Trim()), width, s => face.Font.Width(s, size));

    /// <summary>The preferred size, or the smaller size at which the text fits the width.</summary>
    public double FittingSize(string text, PdfFont face, double preferred, double width)
    {
        var natural = Width(text, face, preferred);
        return natural <= width ? preferred : Math.Floor(preferred * width / natural * 10) / 10;
    }

    public void Line(double x1, double y1, double x2, double y2, double width, Rgb colour) =>
        page.Line(x1, y1, x2, y2, width, colour);

    public void FilledBox(double x, double y, double width, double height, Rgb colour) =>
        page.FilledRectangle(x, y, width, height, colour);

    private static double Width(string text, PdfFont face, double size) => face.Font.Width(face.Font.Drawable(text), size);
}
