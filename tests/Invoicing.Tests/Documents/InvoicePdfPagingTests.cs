using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using Invoicing.Documents;
using Invoicing.Testing;
using UglyToad.PdfPig;

namespace Invoicing.Tests.Documents;

/// <summary>
/// An invoice with more lines than a page holds runs over pages (issue 22): the lines' heading repeated, every line
/// exactly once, "Sida n av N" on each page, the totals and the payment box once, on the last page.
/// </summary>
public sealed partial class InvoicePdfPagingTests
{
    private static readonly InvoicePdfRenderer Renderer = new();

    /// <summary>The most lines of the same height that still fit one page with the totals and the payment box.</summary>
    private static readonly int FullPage = Enumerable.Range(1, 60).TakeWhile(n => Pages(Invoice(n)).Length == 1).Last();

    /// <summary>An example invoice of <paramref name="count"/> lines "Post-001", "Post-002"…, line i of i · 101,01 kr.</summary>
    private static InvoiceDocument Invoice(int count, Func<int, string>? description = null) =>
        new InvoiceDocumentBuilder().AsExample()
            .WithLines([.. Enumerable.Range(1, count).Select(i => new DocumentLine(description?.Invoke(i) ?? Name(i) + " medlemsavgift", new Money(i * 10_101L)))])
            .Build();

    private static string Name(int line) => "Post-" + line.ToString("000", CultureInfo.InvariantCulture);

    [Fact]
    public void A_one_line_invoice_is_one_page_without_a_page_number()
    {
        var pages = Pages(Invoice(1));

        var page = Assert.Single(pages);
        Assert.DoesNotContain("Sida", page, StringComparison.Ordinal);
        Assert.Contains("Betalningsuppgifter", page, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exactly_full_page_stays_one_page_and_one_line_more_runs_over_to_a_second()
    {
        Assert.InRange(FullPage, 8, 40);

        var full = Pages(Invoice(FullPage));
        var over = Pages(Invoice(FullPage + 1));

        Assert.Single(full);
        Assert.Equal(2, over.Length);
        AssertPaged(Invoice(FullPage + 1), over);
    }

    [Fact]
    public void The_exactly_full_page_ends_its_text_above_the_payment_box()
    {
        using var pdf = PdfDocument.Open(Renderer.Render(Invoice(FullPage)));
        var page = pdf.GetPage(1);
        var box = page.GetWords().Single(w => w.Text == "Betalningsuppgifter").BoundingBox.Top;
        var vatText = page.GetWords().Where(w => w.Text is "Ingen" or "moms:").Min(w => w.BoundingBox.Bottom);

        Assert.True(vatText > box + 10, $"The VAT text's bottom ({vatText}) runs into the payment box (top of its heading {box}).");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Around_a_full_page_every_line_is_printed_once_and_the_total_once_on_the_last_page(int extra)
    {
        var document = Invoice(FullPage - 2 + extra);

        AssertPaged(document, Pages(document));
    }

    [Fact]
    public void A_150_line_invoice_runs_over_pages_with_the_heading_repeated_and_page_n_of_N_on_each()
    {
        var document = Invoice(150);

        var pages = Pages(document);

        Assert.InRange(pages.Length, 4, 8);
        AssertPaged(document, pages);
        // The full header on the first page; a short one, with the invoice's number and the buyer, after it.
        Assert.Contains("Fakturamottagare", pages[0], StringComparison.Ordinal);
        Assert.Contains("Org.nr " + InvoiceDocumentBuilder.SellerOrganisationNumber, pages[0], StringComparison.Ordinal);
        foreach (var page in pages[1..])
        {
            Assert.Contains($"{document.Seller.Name} Faktura {document.InvoiceNumber} {document.Buyer.Name}", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Fakturamottagare", page, StringComparison.Ordinal);
            Assert.Contains("EXEMPEL", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Poppler_reads_each_line_of_a_150_line_invoice_once_and_the_amounts_add_up_to_the_total()
    {
        var document = Invoice(150);

        var text = PdfText.Of(Renderer.Render(document));

        var pages = text.Split('\f').Where(p => p.Trim().Length > 0).ToArray();
        Assert.True(pages.Length > 3, $"{pages.Length} pages");
        for (var n = 1; n <= pages.Length; n++)
        {
            Assert.Contains($"Sida {n} av {pages.Length}", pages[n - 1], StringComparison.Ordinal);
        }

        var printed = LineAmounts().Matches(text).Select(m => (Line: m.Groups["line"].Value, Ore: Ore(m.Groups["amount"].Value))).ToList();
        Assert.Equal(Enumerable.Range(1, 150).Select(Name), printed.Select(p => p.Line));
        Assert.Equal(document.Net.Ore, printed.Sum(p => p.Ore));
        Assert.Contains("Att betala " + SwedishFormat.Amount(document.Total).Replace('\u00A0', ' '), Squeeze(pages[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_wrapped_descriptions_page_without_losing_or_repeating_a_line()
    {
        // Every fifth line wraps to three or four lines, so lines of different heights meet the page breaks.
        var document = Invoice(90, i => Name(i) + (i % 5 == 0 ? " " + string.Concat(Enumerable.Repeat("fördelning efter folkmängd enligt SCB ", 1 + i % 3)) : ""));

        AssertPaged(document, Pages(document));
    }

    [Fact]
    public void A_long_reminder_and_a_long_credit_note_run_over_pages_too()
    {
        var reminder = Invoice(60) with { Title = "Påminnelse", Kind = DocumentKind.Reminder };
        var creditNote = new InvoiceDocumentBuilder()
            .AsCreditNoteFor("202600028", new DateOnly(2026, 1, 20))
            .WithLines([.. Enumerable.Range(1, 60).Select(i => new DocumentLine(Name(i) + " kreditering", new Money(i * 10_101L)))])
            .Build() with { Title = "Kreditfaktura" };

        var reminderPages = Pages(reminder);
        var creditPages = Pages(creditNote);

        AssertPaged(reminder, reminderPages);
        Assert.All(reminderPages[1..], p => Assert.Contains($"Påminnelse {reminder.InvoiceNumber}", p, StringComparison.Ordinal));
        Assert.True(creditPages.Length > 1);
        AssertEveryLineOnce(creditNote, creditPages);
        Assert.Contains("Att kreditera", creditPages[^1], StringComparison.Ordinal);
        Assert.Contains("Inget att betala", creditPages[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("Betalningsuppgifter", string.Join(' ', creditPages), StringComparison.Ordinal);
        Assert.All(creditPages[1..], p => Assert.Contains($"Kreditfaktura {creditNote.InvoiceNumber}", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Text_on_every_page_of_a_long_invoice_stays_inside_the_margins_and_does_not_overlap()
    {
        using var pdf = PdfDocument.Open(Renderer.Render(Invoice(70, i => Name(i) + (i % 4 == 0 ? " bidrag till den gemensamma regionala utvecklingsverksamheten, fördelat efter folkmängd" : ""))));

        foreach (var page in pdf.GetPages())
        {
            // The watermark is drawn under everything on purpose; the rest must not touch.
            var letters = page.Letters.Where(l => l.BoundingBox.Width > 0 && l.BoundingBox.Height > 0 && l.PointSize < 50).ToList();
            Assert.All(letters, letter =>
            {
                Assert.InRange(letter.BoundingBox.Left, 49, 546);
                Assert.InRange(letter.BoundingBox.Right, 49, 546);
                Assert.InRange(letter.BoundingBox.Bottom, 15, 830);
            });
            var words = page.GetWords().Where(w => w.Letters.All(l => l.PointSize < 50)).ToList();
            for (var i = 0; i < words.Count; i++)
            {
                for (var j = i + 1; j < words.Count; j++)
                {
                    Assert.False(Overlap(words[i].BoundingBox, words[j].BoundingBox), $"Page {page.Number}: '{words[i].Text}' overlaps '{words[j].Text}'.");
                }
            }
        }
    }

    [Fact]
    public void Any_number_of_lines_of_any_length_prints_each_line_once_and_adds_up()
    {
        Gen.Select(Gen.Int[1, 120], Gen.Int[0, 6], Gen.Long[1, 99_999_999]).Sample((count, wrapEvery, ore) =>
        {
            var document = new InvoiceDocumentBuilder()
                .WithLines([.. Enumerable.Range(1, count).Select(i => new DocumentLine(
                    Name(i) + (wrapEvery > 0 && i % wrapEvery == 0 ? " " + string.Concat(Enumerable.Repeat("enligt beslut om fördelning ", i % 7)) : ""),
                    new Money(ore + i)))])
                .Build();

            AssertPaged(document, Pages(document));
        }, iter: 25);
    }

    [Fact]
    public void A_long_invoice_renders_the_same_bytes_twice()
    {
        Assert.Equal(Renderer.Render(Invoice(150)), Renderer.Render(Invoice(150)));
    }

    /// <summary>
    /// Each line once, in order, across the pages; "Sida n av N" on each page of a paged document (none on one page);
    /// the lines' heading on each page that has lines; the totals and the payment box once, on the last page; and the
    /// printed line amounts add up to the net.
    /// </summary>
    private static void AssertPaged(InvoiceDocument document, string[] pages)
    {
        AssertEveryLineOnce(document, pages);
        for (var n = 1; n <= pages.Length; n++)
        {
            var page = pages[n - 1];
            if (pages.Length > 1)
            {
                Assert.Contains($"Sida {n} av {pages.Length}", page, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain("Sida", page, StringComparison.Ordinal);
            }

            if (page.Contains("Post-", StringComparison.Ordinal))
            {
                Assert.Contains("Beskrivning Belopp", page, StringComparison.Ordinal);
            }
        }

        var total = Squeeze("Att betala " + SwedishFormat.Amount(document.Total));
        Assert.Contains(total, Squeeze(pages[^1]), StringComparison.Ordinal);
        Assert.All(pages[..^1], p => Assert.DoesNotContain("Att betala", p, StringComparison.Ordinal));
        if (document.Kind != DocumentKind.CreditNote)
        {
            Assert.Contains("Betalningsuppgifter", pages[^1], StringComparison.Ordinal);
            Assert.Contains(document.Ocr.Value, pages[^1], StringComparison.Ordinal);
            Assert.All(pages[..^1], p => Assert.DoesNotContain("Betalningsuppgifter", p, StringComparison.Ordinal));
        }
    }

    private static void AssertEveryLineOnce(InvoiceDocument document, string[] pages)
    {
        var all = Squeeze(string.Join(' ', pages));
        var printed = LineAmounts().Matches(all).Select(m => (Line: m.Groups["line"].Value, Ore: Ore(m.Groups["amount"].Value))).ToList();
        Assert.Equal(Enumerable.Range(1, document.Lines.Count).Select(Name), printed.Select(p => p.Line));
        Assert.Equal(document.Lines.Select(l => l.Amount.Ore), printed.Select(p => p.Ore));
        Assert.Equal(document.Net.Ore, printed.Sum(p => p.Ore));
    }

    /// <summary>
    /// Each page's words as they are read: by baseline from the top, then from the left (a line's amount is drawn
    /// before its description but read after it), joined by single spaces, no-break spaces as spaces.
    /// </summary>
    private static string[] Pages(InvoiceDocument document)
    {
        using var pdf = PdfDocument.Open(Renderer.Render(document));
        return [.. pdf.GetPages().Select(p => Squeeze(string.Join(' ', p.GetWords()
            .OrderByDescending(w => Math.Round(w.Letters[0].StartBaseLine.Y))
            .ThenBy(w => w.BoundingBox.Left)
            .Select(w => w.Text))))];
    }

    private static string Squeeze(string text) => MultipleSpaces().Replace(text.Replace('\u00A0', ' '), " ");

    /// <summary>"1 234,56" as öre.</summary>
    private static long Ore(string amount) => long.Parse(amount.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    // A line's name, then (its description, perhaps wrapped, between) its amount: the first amount after the name.
    [GeneratedRegex(@"(?<line>Post-\d{3})\b.*?(?<amount>\d{1,3}(?:[ \u00A0]\d{3})*,\d{2})[ \u00A0]kr", RegexOptions.Singleline)]
    private static partial Regex LineAmounts();

    [GeneratedRegex(@"[ \u00A0\r\n]+")]
    private static partial Regex MultipleSpaces();

    private static bool Overlap(UglyToad.PdfPig.Core.PdfRectangle a, UglyToad.PdfPig.Core.PdfRectangle b)
    {
        const double tolerance = 0.5;
        var x = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
        var y = Math.Min(a.Top, b.Top) - Math.Max(a.Bottom, b.Bottom);
        return x > tolerance && y > tolerance;
    }
}
