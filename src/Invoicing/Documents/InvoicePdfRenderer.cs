using System.Globalization;
using Invoicing.Documents.Pdf;
using Invoicing.Issuers;

namespace Invoicing.Documents;

/// <summary>
/// Renders an <see cref="InvoiceDocument"/> as a one-page A4 PDF in Swedish, with Liberation Sans embedded.
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
    /// <exception cref="InvalidOperationException">The lines do not fit on one page.</exception>
    public byte[] Render(InvoiceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);

        using var pdf = new PagedPdf(PageWidth, PageHeight);
        var regular = pdf.AddFont(_regular);
        var bold = pdf.AddFont(_bold);
        var canvas = new Canvas(pdf.AddPage(), regular, bold);

        if (document.Seller.IsExample)
        {
            DrawExampleMarking(canvas);
        }

        var sellerBottom = DrawSeller(canvas, document.Seller);
        var factsBottom = DrawTitleAndFacts(canvas, document);
        var buyerBottom = DrawBuyer(canvas, document.Buyer, factsBottom - 16);

        var y = Math.Min(sellerBottom, buyerBottom) - 24;
        y = canvas.Paragraph("Avser: " + document.Subject, Left, y, ContentWidth, bold, 11, 14);
        y = DrawReference(canvas, document, y);
        y = DrawLines(canvas, document.Lines, y - 14);
        y = DrawTotals(canvas, document, y - 6);
        if (document.Kind != DocumentKind.Reminder)
        {
            y = canvas.Paragraph(document.Seller.Terms.VatText, Left, y - 10, ContentWidth, regular, 8.5, VatTextLeading, Muted);
        }

        foreach (var basis in document.Basis)
        {
            y = canvas.Paragraph(basis, Left, y - 4, ContentWidth, regular, 8.5, VatTextLeading, Muted);
        }

        var lowestBaseline = y + VatTextLeading;
        if (lowestBaseline < PaymentBoxTop + 12)
        {
            throw new InvalidOperationException(
                $"Invoice {document.InvoiceNumber} does not fit on one A4 page: its content ({document.Lines.Count} lines) reaches into the payment box.");
        }

        if (document.Kind == DocumentKind.CreditNote)
        {
            // A credit note asks for nothing: no payment slip that someone could pay by mistake.
            canvas.Paragraph($"Inget att betala. Beloppet krediteras faktura {document.Corrects?.Number}.", Left, PaymentBoxTop - 18, ContentWidth, bold, 10, 13);
        }
        else
        {
            DrawPaymentBox(canvas, document);
        }

        DrawFooter(canvas, document);

        var issued = "D:" + document.IssueDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000Z";
        return pdf.Build(new PdfInformation($"{document.Title} {document.InvoiceNumber}", document.Seller.Name, document.Subject, "Invoicing", issued));
    }

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

    /// <returns>The baseline below the table.</returns>
    private static double DrawLines(Canvas canvas, IReadOnlyList<DocumentLine> lines, double top)
    {
        canvas.Text("Beskrivning", Left, top, canvas.Bold, 9);
        canvas.TextRight("Belopp", Right, top, canvas.Bold, 9);
        canvas.Line(Left, top - 5, Right, top - 5, 0.8, Black);

        var y = top - 19;
        foreach (var line in lines)
        {
            canvas.TextRight(SwedishFormat.Amount(line.Amount), Right, y, canvas.Regular, 10);
            y = canvas.Paragraph(line.Description, Left, y, DescriptionWidth, canvas.Regular, 10, 13);
            canvas.Line(Left, y + 8, Right, y + 8, 0.5, Rule);
            y -= 6;
        }

        return y;
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
