using System.Globalization;
using Invoicing.Documents.Pdf;
using Invoicing.Issuers;

namespace Invoicing.Documents;

/// <summary>
/// Renders an <see cref="InvoiceDocument"/> as an A4 PDF in Swedish, with Liberation Sans embedded. The seller, the
/// facts and the buyer head the first page; the lines run over as many pages as they need, each continuation page
/// under a short header with the lines' heading repeated; the totals and the payment box come once, together, on the
/// last page; a document of more than one page says "Sida n av N" on each. The pages are laid out first and drawn
/// after, since N is known only then.
/// A pure function of the model: the same model gives the same bytes (dates come from the issue date, the
/// file identifier from the content). Thread-safe; register one instance as a singleton, since the fonts are
/// read and measured once per instance. The layout is here; the PDF mechanics are in <see cref="Pdf"/>.
/// </summary>
public sealed class InvoicePdfRenderer
{
    private const double PageWidth = DocumentStyle.PageWidth;
    private const double PageHeight = DocumentStyle.PageHeight;
    private const double Left = 50;
    private const double Right = PageWidth - 50;
    private const double ContentWidth = Right - Left;

    // The header has the seller on the left and the title, invoice facts and buyer on the right.
    private const double HeaderTop = 782;
    private const double SellerColumnWidth = 260;
    private const double RightColumn = 330;
    private const double RightColumnWidth = Right - RightColumn;
    private const double FactValueColumn = 410;

    // The lines table: descriptions wrap in their column, amounts are right-aligned at the right margin.
    private const double AmountColumnWidth = 110;
    private const double DescriptionWidth = ContentWidth - AmountColumnWidth - 15;
    private const double TotalsLabel = 360;

    // Fixed at the foot of the page: the payment box and, below it, the footer.
    private const double PaymentBoxBottom = 92;
    private const double PaymentBoxHeight = 72;
    private const double PaymentBoxTop = PaymentBoxBottom + PaymentBoxHeight;
    private const double FooterRule = 70;
    private const double FooterSize = 8;

    private const double VatTextLeading = 11;
    private const double VatTextGap = 10;
    private const double BasisGap = 4;

    // The lines: the first baseline under the heading, each description line, and the gap after a line's rule.
    private const double HeadingToFirstLine = 19;
    private const double LineSize = 10;
    private const double LineLeading = 13;
    private const double LineGap = 6;

    // The totals below the lines: the gap above them and their height (a reminder's is one row, "Att betala").
    private const double TotalsGap = 6;
    private const double TotalsHeight = 14 + 7 + 15 + 16;
    private const double ReminderTotalsHeight = 16;

    // Lines on a page before the last run down to just above the footer; a continuation page's table starts under
    // its short header; "Sida n av N" is under the footer.
    private const double BodyBottom = FooterRule + 16;
    private const double FollowingPageTop = HeaderTop - 44;
    private const double PageNumberBaseline = 24;

    private const string ExampleBanner = "EXEMPEL – fiktiva betalningsuppgifter, får inte betalas";

    private static readonly Rgb Black = DocumentStyle.Black;
    private static readonly Rgb Muted = DocumentStyle.Muted;
    private static readonly Rgb Rule = DocumentStyle.Rule;
    private static readonly Rgb BoxFill = new(235, 235, 235);
    private static readonly Rgb ExampleRed = DocumentStyle.ExampleRed;
    private static readonly Rgb WatermarkRed = new(250, 222, 222);

    private readonly EmbeddedFont _regular;
    private readonly EmbeddedFont _bold;

    public InvoicePdfRenderer()
    {
        _regular = DocumentStyle.LoadRegular();
        _bold = DocumentStyle.LoadBold();
    }

    /// <summary>The invoice as PDF bytes.</summary>
    /// <exception cref="InvalidOperationException">One line, or the totals with the basis, would not fit on a page of its own.</exception>
    public byte[] Render(InvoiceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);

        using var pdf = new PagedPdf(PageWidth, PageHeight);
        var regular = pdf.AddFont(_regular);
        var bold = pdf.AddFont(_bold);

        // The first page's header is drawn before the layout, since the lines start where the header ends.
        var first = new Canvas(pdf.AddPage(), regular, bold);
        if (document.Seller.IsExample)
        {
            DrawExampleMarking(first);
        }

        var sellerBottom = DrawSeller(first, document.Seller);
        var factsBottom = DrawTitleAndFacts(first, document);
        var buyerBottom = DrawBuyer(first, document.Buyer, factsBottom - 16);

        var y = Math.Min(sellerBottom, buyerBottom) - 24;
        y = first.Paragraph("Avser: " + document.Subject, Left, y, ContentWidth, bold, 11, 14);
        y = DrawReference(first, document, y);

        var closing = LayOutClosing(first, document);
        var pages = LayOut(first, document, y - 14, closing);

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
                if (document.Seller.IsExample)
                {
                    DrawExampleMarking(canvas);
                }

                DrawFollowingPageHeader(canvas, document);
            }

            y = page.Top;
            if (page.Rows.Count > 0)
            {
                y = DrawLines(canvas, page.Rows, y);
            }

            if (n == pages.Count - 1)
            {
                DrawClosing(canvas, document, closing, y);
            }

            DrawFooter(canvas, document);

            // A one-page invoice says nothing about pages: it is the same file it was before invoices ran over pages.
            if (pages.Count > 1)
            {
                canvas.TextRight($"Sida {(n + 1).ToString(CultureInfo.InvariantCulture)} av {pages.Count.ToString(CultureInfo.InvariantCulture)}", Right, PageNumberBaseline, regular, FooterSize, Muted);
            }
        }

        var issued = "D:" + document.IssueDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000Z";
        return pdf.Build(new PdfInformation($"{document.Title} {document.InvoiceNumber}", document.Seller.Name, document.Subject, "Invoicing", issued));
    }

    /// <summary>A page of the layout: where its lines' table starts and the lines it holds (none on a page of only the totals).</summary>
    private sealed record LaidOutPage(double Top, IReadOnlyList<LaidOutLine> Rows);

    /// <summary>An invoice line with its description wrapped to the description column.</summary>
    private sealed record LaidOutLine(DocumentLine Line, IReadOnlyList<string> Description)
    {
        /// <summary>From the line's first baseline down to its lowest.</summary>
        public double Depth => (Description.Count - 1) * LineLeading;

        /// <summary>From the line's first baseline to the next line's.</summary>
        public double Advance => Description.Count * LineLeading + LineGap;
    }

    /// <summary>The block after the lines, kept together on the last page: the totals, the VAT text and the basis, wrapped.</summary>
    private sealed record LaidOutClosing(IReadOnlyList<string> VatText, IReadOnlyList<IReadOnlyList<string>> Basis)
    {
        /// <summary>From the baseline below the last line to the baseline below the block (what the totals and text advance).</summary>
        public double Drop(DocumentKind kind) =>
            TotalsGap + (kind == DocumentKind.Reminder ? ReminderTotalsHeight : TotalsHeight)
            + (kind == DocumentKind.Reminder ? 0 : VatTextGap + VatText.Count * VatTextLeading)
            + Basis.Sum(b => BasisGap + b.Count * VatTextLeading);
    }

    private static LaidOutClosing LayOutClosing(Canvas canvas, InvoiceDocument document) => new(
        document.Kind == DocumentKind.Reminder ? [] : canvas.Wrap(document.Seller.Terms.VatText, canvas.Regular, 8.5, ContentWidth),
        [.. document.Basis.Select(b => canvas.Wrap(b, canvas.Regular, 8.5, ContentWidth))]);

    /// <summary>
    /// The page breaks: lines fill a page down to its footer and the next line starts the next page under the table's
    /// heading again. The closing block goes after the last line, above the payment box; when it does not fit there,
    /// the last line goes over with it (so the totals never stand alone when they need not), or, when that line is
    /// alone on its page, the block goes on a page of its own. Everything on one page is exactly the one-page layout.
    /// </summary>
    /// <exception cref="InvalidOperationException">A line, or the closing block, does not fit on an empty page.</exception>
    private static List<LaidOutPage> LayOut(Canvas canvas, InvoiceDocument document, double firstTop, LaidOutClosing closing)
    {
        var pages = new List<LaidOutPage>();
        var rows = new List<LaidOutLine>();
        var top = firstTop;
        var y = top - HeadingToFirstLine;
        foreach (var line in document.Lines)
        {
            var row = new LaidOutLine(line, canvas.Wrap(line.Description, canvas.Regular, LineSize, DescriptionWidth));
            if (FollowingPageTop - HeadingToFirstLine - row.Depth < BodyBottom)
            {
                throw new InvalidOperationException(
                    $"Invoice {document.InvoiceNumber}: a line's description ({row.Description.Count} printed lines) is longer than a page.");
            }

            // The first page may stay without lines only when its header leaves no room for the first one.
            if (y - row.Depth < BodyBottom && (rows.Count > 0 || pages.Count == 0))
            {
                pages.Add(new LaidOutPage(top, rows));
                (rows, top) = ([], FollowingPageTop);
                y = top - HeadingToFirstLine;
            }

            rows.Add(row);
            y -= row.Advance;
        }

        var drop = closing.Drop(document.Kind);
        if (FitsAbovePaymentBox(y, drop))
        {
            pages.Add(new LaidOutPage(top, rows));
            return pages;
        }

        if (rows.Count > 1)
        {
            var last = rows[^1];
            pages.Add(new LaidOutPage(top, rows[..^1]));
            (rows, top) = ([last], FollowingPageTop);
            y = top - HeadingToFirstLine - last.Advance;
        }
        else
        {
            pages.Add(new LaidOutPage(top, rows));
            (rows, top) = ([], FollowingPageTop);
            y = top;
        }

        if (!FitsAbovePaymentBox(y, drop))
        {
            throw new InvalidOperationException(
                $"Invoice {document.InvoiceNumber}: its totals, VAT text and basis ({document.Basis.Count} lines of basis) do not fit above the payment box even on a page of their own.");
        }

        pages.Add(new LaidOutPage(top, rows));
        return pages;
    }

    /// <summary>Whether the closing block, started from the baseline <paramref name="y"/> below the lines, ends above the payment box.</summary>
    private static bool FitsAbovePaymentBox(double y, double drop) => y - drop + VatTextLeading >= PaymentBoxTop + 12;

    /// <summary>What a change document changes and why ("Avser faktura N av DATUM", the decision).</summary>
    /// <returns>The baseline below.</returns>
    private static double DrawReference(Canvas canvas, InvoiceDocument document, double y)
    {
        if (document.Corrects is { } corrects)
        {
            var what = document.Kind == DocumentKind.CreditNote ? "Avser faktura" : "Tillägg till faktura";
            y = canvas.Paragraph($"{what} {corrects.Number} av {SwedishFormat.Date(corrects.IssueDate)}", Left, y - 2, ContentWidth, canvas.Bold, 10.5, 14);
        }

        if (!string.IsNullOrWhiteSpace(document.Reason))
        {
            y = canvas.Paragraph("Anledning: " + document.Reason, Left, y, ContentWidth, canvas.Regular, 10, 13);
        }

        return y;
    }

    private static void DrawExampleMarking(Canvas canvas)
    {
        // The watermark goes first so everything else is drawn over it; 90 points keeps it inside the margins.
        canvas.Centred("EXEMPEL", PageWidth / 2, PaymentBoxTop + 40, canvas.Bold, 90, WatermarkRed);
        canvas.Centred(ExampleBanner, PageWidth / 2, PageHeight - 26, canvas.Bold, 11, ExampleRed);
    }

    /// <summary>The seller's block at the top left: name, address, numbers and contact (the statement's too).</summary>
    /// <returns>The lowest baseline used.</returns>
    internal static double DrawSeller(Canvas canvas, Issuer seller)
    {
        var y = canvas.Paragraph(seller.Name, Left, HeaderTop, SellerColumnWidth, canvas.Bold, 16, 19) - 2;
        foreach (var line in seller.AddressLines)
        {
            y = canvas.Paragraph(line, Left, y, SellerColumnWidth, canvas.Regular, 9, 12);
        }

        y -= 5;
        y = canvas.Paragraph("Org.nr " + seller.OrganisationNumber, Left, y, SellerColumnWidth, canvas.Regular, 9, 12);
        y = canvas.Paragraph("Momsreg.nr " + seller.VatNumber, Left, y, SellerColumnWidth, canvas.Regular, 9, 12);
        y -= 5;
        y = canvas.Paragraph("Kontakt: " + seller.ContactName, Left, y, SellerColumnWidth, canvas.Regular, 9, 12);
        y = canvas.Paragraph("Telefon: " + seller.ContactPhone, Left, y, SellerColumnWidth, canvas.Regular, 9, 12);
        y = canvas.Paragraph("E-post: " + seller.ContactEmail, Left, y, SellerColumnWidth, canvas.Regular, 9, 12);
        return y + 12;
    }

    /// <returns>The lowest baseline used.</returns>
    private static double DrawTitleAndFacts(Canvas canvas, InvoiceDocument document)
    {
        canvas.Text(document.Title, RightColumn, HeaderTop - 4, canvas.Bold, 22);

        var reminder = document.Kind == DocumentKind.Reminder;
        var credit = document.Kind == DocumentKind.CreditNote;
        var facts = new List<(string Label, string Value)>
        {
            (reminder ? "Avser faktura" : credit ? "Kreditfaktura nr" : "Fakturanummer", document.InvoiceNumber),
            (reminder ? "Påminnelsedatum" : credit ? "Datum" : "Fakturadatum", SwedishFormat.Date(document.IssueDate)),
        };
        if (document.Corrects is { } corrects)
        {
            facts.Add(("Avser faktura", corrects.Number.ToString()));
        }

        if (!credit)
        {
            facts.Add((DueDateLabel(document), SwedishFormat.Date(document.DueDate)));
            facts.Add(("OCR-nummer", document.Ocr.Value));
        }

        if (!string.IsNullOrWhiteSpace(document.Buyer.BuyerReference))
        {
            facts.Add(("Er referens", document.Buyer.BuyerReference.Trim()));
        }

        if (!reminder && !credit)
        {
            facts.Add(("Betalningsvillkor", PaymentTerms(document.Seller.Terms.PaymentTermsDays)));
        }

        var y = HeaderTop - 30;
        foreach (var (label, value) in facts)
        {
            canvas.Text(label, RightColumn, y, canvas.Regular, 9, Muted);
            if (value.Contains(' ', StringComparison.Ordinal))
            {
                y = canvas.Paragraph(value, FactValueColumn, y, Right - FactValueColumn, canvas.Bold, 9, 13);
            }
            else
            {
                // A number (the OCR above all) is never broken; it is set smaller when it would not fit.
                canvas.Text(value, FactValueColumn, y, canvas.Bold, canvas.FittingSize(value, canvas.Bold, 9, Right - FactValueColumn));
                y -= 13;
            }
        }

        return y + 13;
    }

    private static string DueDateLabel(InvoiceDocument document) => document.Kind == DocumentKind.Reminder ? "Betala senast" : "Förfallodatum";

    private static string PaymentTerms(int days) => days == 1 ? "1 dag netto" : $"{days} dagar netto";

    /// <returns>The lowest baseline used.</returns>
    private static double DrawBuyer(Canvas canvas, DocumentBuyer buyer, double top)
    {
        canvas.Text("Fakturamottagare", RightColumn, top, canvas.Regular, 7.5, Muted);
        var y = canvas.Paragraph(buyer.Name, RightColumn, top - 14, RightColumnWidth, canvas.Bold, 10.5, 13);
        foreach (var line in buyer.AddressLines.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            y = canvas.Paragraph(line, RightColumn, y, RightColumnWidth, canvas.Regular, 10, 13);
        }

        if (!string.IsNullOrWhiteSpace(buyer.OrganisationNumber))
        {
            y = canvas.Paragraph("Org.nr " + buyer.OrganisationNumber.Trim(), RightColumn, y, RightColumnWidth, canvas.Regular, 10, 13);
        }

        return y + 13;
    }

    /// <summary>The lines' table on one page: its heading, then the page's lines.</summary>
    /// <returns>The baseline below the table.</returns>
    private static double DrawLines(Canvas canvas, IReadOnlyList<LaidOutLine> rows, double top)
    {
        canvas.Text("Beskrivning", Left, top, canvas.Bold, 9);
        canvas.TextRight("Belopp", Right, top, canvas.Bold, 9);
        canvas.Line(Left, top - 5, Right, top - 5, 0.8, Black);

        var y = top - HeadingToFirstLine;
        foreach (var row in rows)
        {
            canvas.TextRight(SwedishFormat.Amount(row.Line.Amount), Right, y, canvas.Regular, LineSize);
            foreach (var text in row.Description)
            {
                canvas.Text(text, Left, y, canvas.Regular, LineSize);
                y -= LineLeading;
            }

            canvas.Line(Left, y + 8, Right, y + 8, 0.5, Rule);
            y -= LineGap;
        }

        return y;
    }

    /// <summary>The totals, the VAT text and the basis from the baseline <paramref name="y"/> below the lines, then the payment box (or a credit note's line) at the foot.</summary>
    private static void DrawClosing(Canvas canvas, InvoiceDocument document, LaidOutClosing closing, double y)
    {
        y = DrawTotals(canvas, document, y - TotalsGap);
        if (document.Kind != DocumentKind.Reminder)
        {
            y = DrawSmallText(canvas, closing.VatText, y - VatTextGap);
        }

        foreach (var basis in closing.Basis)
        {
            y = DrawSmallText(canvas, basis, y - BasisGap);
        }

        if (document.Kind == DocumentKind.CreditNote)
        {
            // A credit note asks for nothing: no payment slip that someone could pay by mistake.
            canvas.Paragraph($"Inget att betala. Beloppet krediteras faktura {document.Corrects?.Number}.", Left, PaymentBoxTop - 18, ContentWidth, canvas.Bold, 10, 13);
        }
        else
        {
            DrawPaymentBox(canvas, document);
        }
    }

    /// <returns>The baseline below.</returns>
    private static double DrawSmallText(Canvas canvas, IReadOnlyList<string> lines, double y)
    {
        foreach (var line in lines)
        {
            canvas.Text(line, Left, y, canvas.Regular, 8.5, Muted);
            y -= VatTextLeading;
        }

        return y;
    }

    /// <summary>A continuation page's short header: who sends it, which document, to whom, and a rule.</summary>
    private static void DrawFollowingPageHeader(Canvas canvas, InvoiceDocument document)
    {
        var seller = document.Seller.Name;
        canvas.Text(seller, Left, HeaderTop, canvas.Bold, canvas.FittingSize(seller, canvas.Bold, 11, SellerColumnWidth));
        canvas.TextRight($"{document.Title} {document.InvoiceNumber}", Right, HeaderTop, canvas.Bold, 11);
        var buyer = document.Buyer.Name;
        canvas.TextRight(buyer, Right, HeaderTop - 13, canvas.Regular, canvas.FittingSize(buyer, canvas.Regular, 9, RightColumnWidth), Muted);
        canvas.Line(Left, HeaderTop - 20, Right, HeaderTop - 20, 0.5, Rule);
    }

    /// <returns>The baseline below the totals.</returns>
    private static double DrawTotals(Canvas canvas, InvoiceDocument document, double top)
    {
        var vatLabel = "Moms " + document.Seller.Terms.VatRatePercent.ToString(CultureInfo.InvariantCulture) + SwedishFormat.GroupSeparator + "%";
        var y = top;
        if (document.Kind == DocumentKind.Reminder)
        {
            // A reminder asks for what is still due; its VAT was on the invoice.
            canvas.Text("Att betala", TotalsLabel, y, canvas.Bold, 11.5);
            canvas.TextRight(SwedishFormat.Amount(document.Total), Right, y, canvas.Bold, 11.5);
            return y - 16;
        }

        canvas.Text("Netto", TotalsLabel, y, canvas.Regular, 10);
        canvas.TextRight(SwedishFormat.Amount(document.Net), Right, y, canvas.Regular, 10);
        y -= 14;
        canvas.Text(vatLabel, TotalsLabel, y, canvas.Regular, 10);
        canvas.TextRight(SwedishFormat.Amount(document.Vat), Right, y, canvas.Regular, 10);
        y -= 7;
        canvas.Line(TotalsLabel, y, Right, y, 0.8, Black);
        y -= 15;
        canvas.Text(document.Kind == DocumentKind.CreditNote ? "Att kreditera" : "Att betala", TotalsLabel, y, canvas.Bold, 11.5);
        canvas.TextRight(SwedishFormat.Amount(document.Total), Right, y, canvas.Bold, 11.5);
        return y - 16;
    }

    private static void DrawPaymentBox(Canvas canvas, InvoiceDocument document)
    {
        canvas.FilledBox(Left, PaymentBoxBottom, ContentWidth, PaymentBoxHeight, BoxFill);

        const double inset = 12;
        var headingY = PaymentBoxTop - 18;
        canvas.Text("Betalningsuppgifter", Left + inset, headingY, canvas.Bold, 9.5);
        if (document.Seller.IsExample)
        {
            canvas.TextRight("EXEMPEL – får inte betalas", Right - inset, headingY, canvas.Bold, 9.5, ExampleRed);
        }

        var labelY = PaymentBoxBottom + 32;
        var valueY = PaymentBoxBottom + 14;
        var columns = new (string Label, string Value, double X, double Width)[]
        {
            ("Bankgiro", document.Seller.Bankgiro.ToString(), Left + inset, 95),
            ("OCR-nummer", document.Ocr.Value, Left + inset + 100, 180),
            (DueDateLabel(document), SwedishFormat.Date(document.DueDate), Left + inset + 285, 80),
        };
        foreach (var (label, value, x, width) in columns)
        {
            canvas.Text(label, x, labelY, canvas.Regular, 8, Muted);
            canvas.Text(value, x, valueY, canvas.Bold, canvas.FittingSize(value, canvas.Bold, 12, width));
        }

        var total = SwedishFormat.Amount(document.Total);
        var amountWidth = Right - inset - (Left + inset + 370);
        canvas.TextRight("Att betala", Right - inset, labelY, canvas.Regular, 8, Muted);
        canvas.TextRight(total, Right - inset, valueY, canvas.Bold, canvas.FittingSize(total, canvas.Bold, 12, amountWidth));
    }

    private static void DrawFooter(Canvas canvas, InvoiceDocument document)
    {
        var seller = document.Seller;
        canvas.Line(Left, FooterRule, Right, FooterRule, 0.5, Rule);
        string[] parts = [seller.Name, "Org.nr " + seller.OrganisationNumber, "Bankgiro " + seller.Bankgiro, seller.ContactEmail];
        var y = FooterRule - 14;
        foreach (var line in FooterLines(canvas, parts))
        {
            canvas.Centred(line, PageWidth / 2, y, canvas.Regular, FooterSize, Muted);
            y -= 10;
        }
    }

    /// <summary>The footer's parts joined by a separator, breaking lines only between parts when they fit.</summary>
    internal static List<string> FooterLines(Canvas canvas, IEnumerable<string> parts)
    {
        const string separator = "   ·   ";
        var lines = new List<string>();
        var line = "";
        foreach (var part in parts)
        {
            var candidate = line.Length == 0 ? part : line + separator + part;
            if (canvas.Wrap(candidate, canvas.Regular, FooterSize, ContentWidth).Count == 1)
            {
                line = candidate;
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }

            var wrapped = canvas.Wrap(part, canvas.Regular, FooterSize, ContentWidth);
            lines.AddRange(wrapped.Take(wrapped.Count - 1));
            line = wrapped[^1];
        }

        lines.Add(line);
        return lines;
    }
}
