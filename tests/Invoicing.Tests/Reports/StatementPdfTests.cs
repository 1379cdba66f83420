using System.Globalization;
using Invoicing.Documents;
using Invoicing.Testing;
using Invoicing.Parties;
using Invoicing.Reports;
using Invoicing.Tests.Documents;
using UglyToad.PdfPig;

namespace Invoicing.Tests.Reports;

/// <summary>The statement's PDF on the product's own writer: A4, Swedish, over as many pages as its table needs.</summary>
public sealed class StatementPdfTests
{
    private static readonly StatementPdfRenderer Renderer = new();
    private static readonly SchemeId Scheme = new("test-scheme");
    private static readonly DateOnly Start = new(2026, 1, 20);

    /// <summary>One invoice and <paramref name="payments"/> payments of 100 kr, one a day, then a reminder.</summary>
    private static StatementDocument Document(int payments, long invoiceKronor)
    {
        var number = new InvoiceNumber(2026, 1);
        var entries = new List<StatementEntry> { new(Start, StatementEntryKind.Invoice, number, "Faktura", Money.FromKronor(invoiceKronor), Money.Zero, Money.FromKronor(invoiceKronor)) };
        for (var i = 1; i <= payments; i++)
        {
            entries.Add(new StatementEntry(Start.AddDays(i), StatementEntryKind.Payment, number, "Inbetalning", Money.Zero, Money.FromKronor(100), Money.FromKronor(invoiceKronor - 100 * i)));
        }

        var asOf = Start.AddDays(payments + 1);
        var statement = new Statement(Scheme, 2026, new PartyCode("2180"), "Gävle kommun", asOf, entries);
        var invoice = new InvoiceDocumentBuilder().Build();
        return new StatementDocument(invoice.Seller, invoice.Buyer, "Testschemat", statement);
    }

    [Fact]
    public void A_long_statement_runs_over_pages_with_its_heading_repeated_and_page_n_of_N_on_each()
    {
        var document = Document(payments: 119, invoiceKronor: 20_000);

        using var pdf = PdfDocument.Open(Renderer.Render(document));

        var pages = pdf.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))).ToArray();
        Assert.True(pages.Length >= 3, $"{pages.Length} pages");
        for (var n = 1; n <= pages.Length; n++)
        {
            var text = pages[n - 1];
            Assert.Contains($"Sida {n} av {pages.Length}", text, StringComparison.Ordinal);
            Assert.Contains("Datum Dokument Text Debet Kredit Saldo", text, StringComparison.Ordinal);
        }

        Assert.Contains("Kontoutdrag", pages[0], StringComparison.Ordinal);
        // Every entry is on some page, exactly once: each payment's date appears once across the pages.
        var all = string.Join(' ', pages);
        foreach (var entry in document.Statement.Entries)
        {
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(all, SwedishFormat.Date(entry.Date) + " 202600001"));
        }

        // 20 000 kr less 119 payments of 100 kr: 8 100 kr still to pay, on the last page only.
        Assert.Contains("Att betala 8 100,00 kr", pages[^1].Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.DoesNotContain("Att betala", string.Join(' ', pages[..^1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Poppler_reads_every_page_of_a_long_statement()
    {
        var text = PdfText.Of(Renderer.Render(Document(payments: 119, invoiceKronor: 20_000)));

        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Trim().Length > 0).ToArray();
        Assert.True(pages.Length >= 3);
        Assert.All(pages.Select((p, i) => (p, i)), page => Assert.Contains($"Sida {page.i + 1} av {pages.Length}", page.p, StringComparison.Ordinal));
        Assert.Contains("8 100,00 kr", pages[^1].Replace('\u00A0', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_statement_is_one_page_and_says_what_is_owed_back()
    {
        var document = Document(payments: 3, invoiceKronor: 200);

        using var pdf = PdfDocument.Open(Renderer.Render(document));

        var page = Assert.Single(pdf.GetPages());
        var text = string.Join(' ', page.GetWords().Select(w => w.Text)).Replace('\u00A0', ' ');
        Assert.Contains("Sida 1 av 1", text, StringComparison.Ordinal);
        Assert.Contains("Att återbetala 100,00 kr", text, StringComparison.Ordinal);
        Assert.Equal("Kontoutdrag 2180 2026", pdf.Information.Title);
    }

    [Fact]
    public void The_same_statement_gives_the_same_bytes()
    {
        Assert.Equal(Renderer.Render(Document(60, 10_000)), Renderer.Render(Document(60, 10_000)));
    }

    [Fact]
    public void The_file_is_named_by_scheme_year_and_party()
    {
        Assert.Equal("kontoutdrag-test-scheme-2026-2180.pdf", Document(1, 100).FileName());
    }
}
