using System.Globalization;
using Invoicing.Documents;
using Invoicing.Documents.Pdf;
using Invoicing.Issuers;

namespace Invoicing.Reports;

/// <summary>What a statement's PDF shows: the statement, who sends it, to whom, and the scheme's display name.</summary>
public sealed record StatementDocument(Issuer Issuer, DocumentBuyer Party, string SchemeName, Statement Statement)
{
    /// <summary>The file it is saved, downloaded and sent as: <c>kontoutdrag-{scheme}-{year}-{party}.pdf</c>.</summary>
    public string FileName(string extension = "pdf") =>
        $"kontoutdrag-{Statement.Scheme}-{Statement.Year.ToString(CultureInfo.InvariantCulture)}-{Statement.Party}.{extension}";
}

/// <summary>
/// Renders a <see cref="StatementDocument"/> as an A4 PDF in Swedish ("Kontoutdrag") on the product's own writer:
/// the issuer's header and the party on the first page, then the entries' table, which runs over as many pages as it
/// needs with its heading repeated, and "Att betala" or "Att återbetala" after it; every page says "Sida n av N".
/// The pages are laid out first and drawn after, since N is known only then. A pure function of the model (same
/// model, same bytes); thread-safe, register one instance.
/// </summary>
public sealed class StatementPdfRenderer
{
    private const double PageWidth = DocumentStyle.PageWidth;
    private const double PageHeight = DocumentStyle.PageHeight;
    private const double Left = 50;
    private const double Right = PageWidth - 50;
    private const double ContentWidth = Right - Left;
    private const double HeaderTop = 782;
    private const double RightColumn = 330;
    private const double FactValueColumn = 420;

    // The table's columns: date, document, text (wraps), then debit, credit and balance right-aligned.
    private const double DocumentColumn = Left + 62;
    private const double TextColumn = DocumentColumn + 58;
    private const double TextWidth = 168;
    private const double DebitRight = 405;
    private const double CreditRight = 475;
    private const double BalanceRight = Right;
    private const double RowSize = 9;
    private const double RowLeading = 11.5;
    private const double RowGap = 4;

    // Below this the footer sits; a row or the closing block that would reach it goes on the next page.
    private const double FooterRule = 62;
    private const double BodyBottom = FooterRule + 16;
    private const double FollowingPageTop = HeaderTop - 40;
    private const double TableHeadingHeight = 20;
    private const double ClosingHeight = 70;

    private static readonly Rgb Black = DocumentStyle.Black;
    private static readonly Rgb Muted = DocumentStyle.Muted;
    private static readonly Rgb Rule = DocumentStyle.Rule;
    private static readonly Rgb ExampleRed = DocumentStyle.ExampleRed;

    private readonly EmbeddedFont _regular;
    private readonly EmbeddedFont _bold;

    public StatementPdfRenderer()
    {
        _regular = DocumentStyle.LoadRegular();
        _bold = DocumentStyle.LoadBold();
    }

    /// <summary>The statement as PDF bytes.</summary>
    public byte[] Render(StatementDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var statement = document.Statement;

        using var pdf = new PagedPdf(PageWidth, PageHeight);
        var regular = pdf.AddFont(_regular);
        var bold = pdf.AddFont(_bold);

        // The first page's header is drawn before the layout, since the table starts where the header ends.
        var first = new Canvas(pdf.AddPage(), regular, bold);
        var tableTop = DrawFirstPageHeader(first, document) - 22;
        var pages = Layout(statement.Entries, tableTop);

        var canvases = new List<Canvas> { first };
        for (var n = 1; n < pages.Count; n++)
        {
            canvases.Add(new Canvas(pdf.AddPage(), regular, bold));
        }

        for (var n = 0; n < pages.Count; n++)
        {
            var canvas = canvases[n];
            var page = pages[n];
            if (n > 0)
            {
                DrawFollowingPageHeader(canvas, document);
            }

            var y = page.Top;
            if (page.Rows.Count > 0 || n == 0)
            {
                y = DrawTableHeading(canvas, y);
                foreach (var row in page.Rows)
                {
                    y = DrawRow(canvas, row, y);
                }
            }

            if (n == pages.Count - 1)
            {
                DrawClosing(canvas, document, y - 8);
            }

            DrawFooter(canvas, document.Issuer, n + 1, pages.Count);
        }

        var date = "D:" + statement.AsOf.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000Z";
        return pdf.Build(new PdfInformation(
            $"Kontoutdrag {statement.Party} {statement.Year.ToString(CultureInfo.InvariantCulture)}",
            document.Issuer.Name,
            $"Kontoutdrag för {statement.PartyName}, {document.SchemeName} år {statement.Year.ToString(CultureInfo.InvariantCulture)}, per {SwedishFormat.Date(statement.AsOf)}",
            "Invoicing",
            date));
    }

    /// <summary>A page of the layout: where its table starts and the rows (each with its wrapped text) it holds.</summary>
    private sealed record LaidOutPage(double Top, IReadOnlyList<LaidOutRow> Rows);

    private sealed record LaidOutRow(StatementEntry Entry, IReadOnlyList<string> Text)
    {
        public double Height => Text.Count * RowLeading + RowGap;
    }

    /// <summary>
    /// The page breaks: rows fill a page down to its footer, the next row starts the next page under the heading
    /// again, and the closing block goes after the last row, on a page of its own when it does not fit.
    /// </summary>
    private List<LaidOutPage> Layout(IReadOnlyList<StatementEntry> entries, double firstTop)
    {
        var pages = new List<LaidOutPage>();
        var rows = new List<LaidOutRow>();
        var top = firstTop;
        var y = top - TableHeadingHeight;
        foreach (var entry in entries)
        {
            var row = new LaidOutRow(entry, TextWrapper.Wrap(_regular.Drawable(entry.Text), TextWidth, s => _regular.Width(s, RowSize)));
            if (y - row.Height < BodyBottom && rows.Count > 0)
            {
                pages.Add(new LaidOutPage(top, rows));
                (rows, top) = ([], FollowingPageTop);
                y = top - TableHeadingHeight;
            }

            rows.Add(row);
            y -= row.Height;
        }

        pages.Add(new LaidOutPage(top, rows));
        if (y - 8 - ClosingHeight < BodyBottom)
        {
            pages.Add(new LaidOutPage(FollowingPageTop, []));
        }

        return pages;
    }

    /// <returns>The lowest baseline used.</returns>
    private static double DrawFirstPageHeader(Canvas canvas, StatementDocument document)
    {
        var statement = document.Statement;
        if (document.Issuer.IsExample)
        {
            canvas.Centred(Issuer.ExampleMarking, PageWidth / 2, PageHeight - 26, canvas.Bold, 11, ExampleRed);
        }

        var sellerBottom = InvoicePdfRenderer.DrawSeller(canvas, document.Issuer);
        canvas.Text("Kontoutdrag", RightColumn, HeaderTop - 4, canvas.Bold, 22);
        var facts = new (string Label, string Value)[]
        {
            ("Datum", SwedishFormat.Date(statement.AsOf)),
            ("Kundnummer", statement.Party.ToString()),
            ("Avser", $"{document.SchemeName}, år {statement.Year.ToString(CultureInfo.InvariantCulture)}"),
        };
        var y = HeaderTop - 30;
        foreach (var (label, value) in facts)
        {
            canvas.Text(label, RightColumn, y, canvas.Regular, 9, Muted);
            y = canvas.Paragraph(value, FactValueColumn, y, Right - FactValueColumn, canvas.Bold, 9, 13);
        }

        y -= 8;
        canvas.Text("Kund", RightColumn, y, canvas.Regular, 7.5, Muted);
        y = canvas.Paragraph(document.Party.Name, RightColumn, y - 14, Right - RightColumn, canvas.Bold, 10.5, 13);
        foreach (var line in document.Party.AddressLines.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            y = canvas.Paragraph(line, RightColumn, y, Right - RightColumn, canvas.Regular, 10, 13);
        }

        y = Math.Min(sellerBottom, y + 13) - 24;
        return canvas.Paragraph(
            $"Kontoutdrag för {statement.PartyName}, {document.SchemeName} år {statement.Year.ToString(CultureInfo.InvariantCulture)}: fakturor, kreditfakturor, inbetalningar, återbetalningar och påminnelser till och med {SwedishFormat.Date(statement.AsOf)}.",
            Left, y, ContentWidth, canvas.Regular, 10, 13) + 13;
    }

    private static void DrawFollowingPageHeader(Canvas canvas, StatementDocument document)
    {
        var statement = document.Statement;
        if (document.Issuer.IsExample)
        {
            canvas.Centred(Issuer.ExampleMarking, PageWidth / 2, PageHeight - 26, canvas.Bold, 11, ExampleRed);
        }

        canvas.Text(document.Issuer.Name, Left, HeaderTop, canvas.Bold, 11);
        canvas.TextRight($"Kontoutdrag {statement.PartyName}, per {SwedishFormat.Date(statement.AsOf)}", Right, HeaderTop, canvas.Regular, 9, Muted);
        canvas.Line(Left, HeaderTop - 8, Right, HeaderTop - 8, 0.5, Rule);
    }

    /// <returns>The baseline of the first row.</returns>
    private static double DrawTableHeading(Canvas canvas, double top)
    {
        canvas.Text("Datum", Left, top, canvas.Bold, RowSize);
        canvas.Text("Dokument", DocumentColumn, top, canvas.Bold, RowSize);
        canvas.Text("Text", TextColumn, top, canvas.Bold, RowSize);
        canvas.TextRight("Debet", DebitRight, top, canvas.Bold, RowSize);
        canvas.TextRight("Kredit", CreditRight, top, canvas.Bold, RowSize);
        canvas.TextRight("Saldo", BalanceRight, top, canvas.Bold, RowSize);
        canvas.Line(Left, top - 5, Right, top - 5, 0.8, Black);
        return top - TableHeadingHeight + 2;
    }

    /// <returns>The baseline of the next row.</returns>
    private static double DrawRow(Canvas canvas, LaidOutRow row, double y)
    {
        var entry = row.Entry;
        canvas.Text(SwedishFormat.Date(entry.Date), Left, y, canvas.Regular, RowSize);
        canvas.Text(entry.Document.ToString(), DocumentColumn, y, canvas.Regular, RowSize);
        if (entry.Debit != Money.Zero)
        {
            canvas.TextRight(SwedishFormat.AmountWithoutCurrency(entry.Debit), DebitRight, y, canvas.Regular, RowSize);
        }

        if (entry.Credit != Money.Zero)
        {
            canvas.TextRight(SwedishFormat.AmountWithoutCurrency(entry.Credit), CreditRight, y, canvas.Regular, RowSize);
        }

        canvas.TextRight(SwedishFormat.AmountWithoutCurrency(entry.Balance), BalanceRight, y, canvas.Regular, RowSize);
        var colour = entry.Kind == StatementEntryKind.Reminder ? Muted : Black;
        foreach (var line in row.Text)
        {
            canvas.Text(line, TextColumn, y, canvas.Regular, RowSize, colour);
            y -= RowLeading;
        }

        canvas.Line(Left, y + RowLeading - 3.5, Right, y + RowLeading - 3.5, 0.4, Rule);
        return y - RowGap;
    }

    private static void DrawClosing(Canvas canvas, StatementDocument document, double top)
    {
        var statement = document.Statement;
        const double label = 330;
        var y = top;
        canvas.Text("Utgående saldo", label, y, canvas.Regular, 10);
        canvas.TextRight(SwedishFormat.Amount(statement.Closing), Right, y, canvas.Regular, 10);
        y -= 7;
        canvas.Line(label, y, Right, y, 0.8, Black);
        y -= 15;
        var (what, amount, note) = statement.Closing switch
        {
            var c when c > Money.Zero => ("Att betala", statement.Due, $"Betala till bankgiro {document.Issuer.Bankgiro} med OCR-numret på respektive faktura."),
            var c when c < Money.Zero => ("Att återbetala", statement.RefundOwed, "Beloppet är ert tillgodohavande och återbetalas till er."),
            _ => ("Att betala", Money.Zero, "Kontot är utjämnat: inget att betala."),
        };
        canvas.Text(what, label, y, canvas.Bold, 11.5);
        canvas.TextRight(SwedishFormat.Amount(amount), Right, y, canvas.Bold, 11.5);
        canvas.Paragraph(note, Left, y - 22, ContentWidth, canvas.Regular, 9, 12, Muted);
    }

    private static void DrawFooter(Canvas canvas, Issuer issuer, int page, int pages)
    {
        canvas.Line(Left, FooterRule, Right, FooterRule, 0.5, Rule);
        string[] parts = [issuer.Name, "Org.nr " + issuer.OrganisationNumber, "Bankgiro " + issuer.Bankgiro, issuer.ContactEmail];
        var y = FooterRule - 14;
        foreach (var line in InvoicePdfRenderer.FooterLines(canvas, parts))
        {
            canvas.Centred(line, PageWidth / 2, y, canvas.Regular, 8, Muted);
            y -= 10;
        }

        canvas.TextRight($"Sida {page.ToString(CultureInfo.InvariantCulture)} av {pages.ToString(CultureInfo.InvariantCulture)}", Right, 24, canvas.Regular, 8, Muted);
    }
}
