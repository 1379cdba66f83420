using Invoicing.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Invoicing.Tests.Documents;

public sealed class InvoicePdfRendererTests
{
    private const string LongDescription =
        "Bidrag 2026 till den gemensamma regionala utvecklingsverksamheten, Västmanlands kommuner och Region Västmanland: " +
        "fördelat efter folkmängd den 1 november 2025 enligt SCB, 161\u00A0236 av 280\u00A0999 invånare (57,4\u00A0%) " +
        "av budgeterade 75\u00A0000\u00A0kr, beslutat av förbundsstyrelsen 2025-12-10, paragraf 42, med justering för " +
        "tidigare års överskott och en extremtlångtsammansattordsomintekanbrytasmellanmellanslagutanmåstedelasmellantecken.";

    // One renderer for the class, as the application registers it: a singleton.
    private static readonly InvoicePdfRenderer Renderer = new();

    [Fact]
    public void Same_model_renders_identical_bytes()
    {
        var document = new InvoiceDocumentBuilder().Build();

        var first = Renderer.Render(document);
        var second = Renderer.Render(new InvoiceDocumentBuilder().Build());
        var fromAnotherInstance = new InvoicePdfRenderer().Render(document);

        Assert.Equal(first, second);
        Assert.Equal(first, fromAnotherInstance);
    }

    [Fact]
    public void Concurrent_renders_give_identical_bytes()
    {
        var document = new InvoiceDocumentBuilder().Build();
        var expected = Renderer.Render(document);

        var results = new byte[8][];
        Parallel.For(0, results.Length, i => results[i] = Renderer.Render(document));

        Assert.All(results, bytes => Assert.Equal(expected, bytes));
    }

    [Fact]
    public void Different_models_render_different_bytes()
    {
        var first = Renderer.Render(new InvoiceDocumentBuilder().WithInvoiceNumber("MKF-2026-0001").Build());
        var second = Renderer.Render(new InvoiceDocumentBuilder().WithInvoiceNumber("MKF-2026-0002").Build());

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Renders_one_A4_page()
    {
        using var pdf = PdfDocument.Open(Renderer.Render(new InvoiceDocumentBuilder().Build()));

        Assert.Equal(1, pdf.NumberOfPages);
        var page = pdf.GetPage(1);
        Assert.Equal(595, page.Width, 0.5);
        Assert.Equal(842, page.Height, 0.5);
    }

    [Fact]
    public void Pdf_text_contains_party_amount_ocr_and_due_date()
    {
        var document = new InvoiceDocumentBuilder().Build();

        var text = PageText(Renderer.Render(document));

        Assert.Contains("Faktura", text);
        Assert.Contains(document.Seller.Name, text);
        Assert.Contains(document.Buyer.Name, text);
        Assert.Contains(document.InvoiceNumber, text);
        Assert.Contains(document.Ocr.Value, text);
        Assert.Contains(SwedishFormat.Date(document.IssueDate), text);
        Assert.Contains(SwedishFormat.Date(document.DueDate), text);
        Assert.Contains("43\u00A0035,00\u00A0kr", text);
        Assert.Contains(SwedishFormat.Amount(document.Total), text);
        Assert.Contains(InvoiceDocumentBuilder.ExampleBankgiro, text);
        Assert.Contains(document.Seller.OrganisationNumber.ToString(), text);
        Assert.Contains(document.Seller.VatNumber, text);
        Assert.Contains(document.Seller.ContactEmail, text);
        Assert.Contains("30 dagar netto", text);
        Assert.Contains("Avser: " + document.Subject, text);
    }

    [Fact]
    public void Pdf_text_contains_every_field_label_and_the_vat_text()
    {
        var document = new InvoiceDocumentBuilder().Build();

        var text = PageText(Renderer.Render(document));

        foreach (var label in new[]
        {
            "Org.nr", "Momsreg.nr", "Fakturanummer", "Fakturadatum", "Förfallodatum", "OCR-nummer", "Er referens",
            "Betalningsvillkor", "Beskrivning", "Belopp", "Netto", "Moms", "Att betala", "Bankgiro",
        })
        {
            Assert.Contains(label, text);
        }

        Assert.Contains(Squash(document.Seller.Terms.VatText), Squash(text));
        Assert.Contains(Squash(document.Lines[0].Description), Squash(text));
    }

    [Fact]
    public void Buyer_reference_and_organisation_number_are_printed_when_present()
    {
        var document = new InvoiceDocumentBuilder().WithBuyerReference("Bo Bengtsson").WithBuyerOrganisationNumber("212000-1116").Build();

        var text = PageText(Renderer.Render(document));

        Assert.Contains("Er referens", text);
        Assert.Contains("Bo Bengtsson", text);
        Assert.Contains("Org.nr 212000-1116", text);
    }

    [Fact]
    public void Absent_buyer_reference_and_organisation_number_are_not_printed()
    {
        var document = new InvoiceDocumentBuilder().WithBuyerReference(null).WithBuyerOrganisationNumber(null).Build();

        var text = PageText(Renderer.Render(document));

        Assert.DoesNotContain("Er referens", text);
        // The seller's organisation number is printed twice (header and footer); the buyer's would be a third.
        Assert.Equal(2, Occurrences(text, "Org.nr"));
    }

    [Fact]
    public void Long_descriptions_wrap_inside_the_page()
    {
        var document = new InvoiceDocumentBuilder()
            .WithLines(
                new DocumentLine(LongDescription, new Money(4_303_500)),
                new DocumentLine("Kort rad", Money.FromKronor(1_000)))
            .Build();

        using var pdf = PdfDocument.Open(Renderer.Render(document));
        var page = pdf.GetPage(1);

        Assert.All(page.Letters, letter =>
        {
            Assert.InRange(letter.BoundingBox.Left, 0, page.Width);
            Assert.InRange(letter.BoundingBox.Right, 0, page.Width);
            Assert.InRange(letter.BoundingBox.Bottom, 0, page.Height);
            Assert.InRange(letter.BoundingBox.Top, 0, page.Height);
        });

        var words = page.GetWords().Select(w => w.Text).ToHashSet();
        foreach (var word in LongDescription.Split(' ', '\u00A0'))
        {
            if (word.Length <= 40)
            {
                Assert.Contains(word, words);
            }
        }

        Assert.Contains(Squash(LongDescription), Squash(page.Text));

        var first = page.GetWords().First(w => w.Text == "Bidrag");
        var last = page.GetWords().First(w => w.Text == "paragraf");
        Assert.True(last.BoundingBox.Bottom < first.BoundingBox.Bottom - 20, "The long description should take several lines.");
    }

    [Fact]
    public void Text_stays_inside_the_margins_and_does_not_overlap()
    {
        var document = new InvoiceDocumentBuilder()
            .WithSellerName("Västmanlands och Mälardalens gemensamma kommunalförbund för regional utveckling")
            .WithBuyerName("Köpinge kommun, kommunstyrelseförvaltningen, ekonomiavdelningen")
            .WithBuyerReference("Ansvar 1234, verksamhet 5678, projekt 9012, Anna Andersson")
            .WithOcr(OcrReference.Create("12345678901234567890123"))
            .WithLines(
                new DocumentLine(LongDescription, new Money(123_456_789_00)),
                new DocumentLine("Kort rad", Money.FromKronor(1_000)))
            .Build();

        using var pdf = PdfDocument.Open(Renderer.Render(document));
        var letters = pdf.GetPage(1).Letters.Where(l => l.BoundingBox.Width > 0 && l.BoundingBox.Height > 0).ToList();

        Assert.All(letters, letter =>
        {
            Assert.InRange(letter.BoundingBox.Left, 49, 546);
            Assert.InRange(letter.BoundingBox.Right, 49, 546);
        });

        for (var i = 0; i < letters.Count; i++)
        {
            for (var j = i + 2; j < letters.Count; j++)
            {
                Assert.False(
                    Overlap(letters[i], letters[j]),
                    $"'{letters[i].Value}' at {letters[i].BoundingBox} overlaps '{letters[j].Value}' at {letters[j].BoundingBox}.");
            }
        }
    }

    [Fact]
    public void Example_issuer_marks_the_page_EXEMPEL()
    {
        var text = PageText(Renderer.Render(new InvoiceDocumentBuilder().AsExample().Build()));

        Assert.Contains("EXEMPEL", text);
        Assert.Contains("får inte betalas", text);
    }

    [Fact]
    public void Real_issuer_has_no_EXEMPEL_marking()
    {
        var text = PageText(Renderer.Render(new InvoiceDocumentBuilder().AsExample(false).Build()));

        Assert.DoesNotContain("EXEMPEL", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("får inte betalas", text);
    }

    [Fact]
    public void Document_information_names_the_invoice_and_seller_and_is_dated_by_the_issue_date()
    {
        var document = new InvoiceDocumentBuilder().WithInvoiceNumber("MKF-2026-0042").WithDates(new(2026, 4, 15), new(2026, 5, 15)).Build();

        using var pdf = PdfDocument.Open(Renderer.Render(document));

        Assert.Equal("Faktura MKF-2026-0042", pdf.Information.Title);
        Assert.Equal(document.Seller.Name, pdf.Information.Author);
        Assert.StartsWith("D:20260415", pdf.Information.CreationDate ?? "");
        Assert.StartsWith("D:20260415", pdf.Information.ModifiedDate ?? "");
    }

    [Fact]
    public void Title_of_the_model_is_the_printed_title()
    {
        var document = new InvoiceDocumentBuilder().Build() with { Title = "Påminnelse" };

        using var pdf = PdfDocument.Open(Renderer.Render(document));

        Assert.Contains("Påminnelse", pdf.GetPage(1).Text);
        Assert.Equal("Påminnelse " + document.InvoiceNumber, pdf.Information.Title);
    }

    [Fact]
    public void Liberation_Sans_is_embedded()
    {
        using var pdf = PdfDocument.Open(Renderer.Render(new InvoiceDocumentBuilder().Build()));

        var fonts = pdf.GetPage(1).Letters.Select(l => l.FontName ?? "").Distinct().ToList();

        Assert.Contains(fonts, f => f.Contains("LiberationSans-Bold", StringComparison.Ordinal));
        Assert.Contains(fonts, f => f.Contains("LiberationSans", StringComparison.Ordinal) && !f.Contains("Bold", StringComparison.Ordinal));
    }

    [Fact]
    public void Characters_the_font_lacks_or_control_characters_do_not_fail_the_render()
    {
        var document = new InvoiceDocumentBuilder()
            .WithLines(new DocumentLine("Rad med\ttabb,\nradbrytning och tecken utanför typsnittet: \u4E2D\u6587", Money.FromKronor(10)))
            .Build();

        var text = PageText(Renderer.Render(document));

        Assert.Contains("Rad med tabb, radbrytning", text);
    }

    private static string PageText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPage(1).Text;
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static bool Overlap(Letter a, Letter b)
    {
        const double tolerance = 0.5;
        var x = Math.Min(a.BoundingBox.Right, b.BoundingBox.Right) - Math.Max(a.BoundingBox.Left, b.BoundingBox.Left);
        var y = Math.Min(a.BoundingBox.Top, b.BoundingBox.Top) - Math.Max(a.BoundingBox.Bottom, b.BoundingBox.Bottom);
        return x > tolerance && y > tolerance;
    }
}
