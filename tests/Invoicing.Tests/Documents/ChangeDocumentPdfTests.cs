using Invoicing.Documents;
using Invoicing.Invoices;
using UglyToad.PdfPig;

namespace Invoicing.Tests.Documents;

public sealed class ChangeDocumentPdfTests
{
    private static readonly InvoicePdfRenderer Renderer = new();
    private static readonly DocumentReference Original = new(InvoiceNumber.Parse("202600028"), new DateOnly(2026, 1, 20));
    private const string Decision = "Budgetrevision 1, beslut 2026-03-16 (Samverkansforum PoM §4)";

    private static string Text(InvoiceDocument document)
    {
        using var pdf = PdfDocument.Open(Renderer.Render(document));
        return pdf.GetPage(1).Text;
    }

    [Fact]
    public void A_credit_note_says_kreditfaktura_which_invoice_it_credits_why_and_how_much_and_has_no_payment_slip()
    {
        var document = new InvoiceDocumentBuilder().WithLines(new DocumentLine("Kreditering enligt budgetrevision 1: Bidrag 2026, Region Uppsala", Money.FromKronor(15_000))).Build()
            with { Title = "Kreditfaktura", Kind = DocumentKind.CreditNote, Corrects = Original, Reason = Decision };

        var text = Text(document);

        Assert.Contains("Kreditfaktura", text);
        Assert.Contains("Avser faktura 202600028 av 2026-01-20", text);
        Assert.Contains("Anledning: " + Decision, text.Replace("\u00A0", " ", StringComparison.Ordinal));
        Assert.Contains("Att kreditera", text);
        Assert.Contains("15\u00A0000,00\u00A0kr", text);
        Assert.DoesNotContain("Att betala", text);
        Assert.DoesNotContain("OCR-nummer", text);
        Assert.DoesNotContain("Betalningsuppgifter", text);
        Assert.DoesNotContain("Förfallodatum", text);
    }

    [Fact]
    public void A_supplementary_invoice_says_what_it_adds_to_and_keeps_its_payment_slip()
    {
        var document = new InvoiceDocumentBuilder().Build() with { Corrects = Original, Reason = Decision };

        var text = Text(document);

        Assert.Contains("Tillägg till faktura 202600028 av 2026-01-20", text);
        Assert.Contains("Betalningsuppgifter", text);
        Assert.Contains("Att betala", text);
        Assert.Contains(document.Ocr.Value, text);
    }

    [Fact]
    public void An_ordinary_invoice_names_no_other_invoice()
    {
        var text = Text(new InvoiceDocumentBuilder().Build());

        Assert.DoesNotContain("Avser faktura", text);
        Assert.DoesNotContain("Tillägg till faktura", text);
    }
}
