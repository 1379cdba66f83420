using Invoicing.Documents.Pdf;

namespace Invoicing.Documents;

/// <summary>
/// What every document the product prints shares, so that an invoice, a statement and the budget appendix look like
/// one sender's: A4 in points, the typeface (Liberation Sans, embedded) and the palette. Each renderer keeps its own
/// layout (margins, columns); only the house style is here.
/// </summary>
internal static class DocumentStyle
{
    // A4 in points; PDF coordinates start bottom-left, so "down the page" is a decreasing y.
    public const double PageWidth = 595;
    public const double PageHeight = 842;

    public static readonly Rgb Black = new(0, 0, 0);
    public static readonly Rgb Muted = new(90, 90, 90);
    public static readonly Rgb Rule = new(190, 190, 190);

    /// <summary>The "EXEMPEL" marking of documents from an example issuer.</summary>
    public static readonly Rgb ExampleRed = new(200, 0, 0);

    /// <summary>The typeface's regular face, read and measured once per call: a renderer loads it once and keeps it.</summary>
    public static EmbeddedFont LoadRegular() => EmbeddedFont.Load("Invoicing.Documents.Fonts.LiberationSans-Regular.ttf");

    /// <summary>The typeface's bold face (see <see cref="LoadRegular"/>).</summary>
    public static EmbeddedFont LoadBold() => EmbeddedFont.Load("Invoicing.Documents.Fonts.LiberationSans-Bold.ttf");
}
