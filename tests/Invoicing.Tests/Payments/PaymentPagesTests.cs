using Invoicing.Invoices;
using Invoicing.Payments;

namespace Invoicing.Tests.Payments;

/// <summary>How a booking's records are cut into pages and how much one transaction takes.</summary>
public sealed class PaymentPagesTests
{
    private static readonly InvoiceNumber Invoice = new(2026, 14);
    private static readonly DateTimeOffset BookedAt = new(2026, 3, 4, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_page_holds_a_hundred_records_and_pages_are_numbered_on_from_the_first()
    {
        var pages = new PaymentPages(Invoice, 3, BookedAt);
        for (var i = 0; i < 250; i++)
        {
            Assert.True(pages.TryAdd(Line($"camt:E-{i:000}", payer: null)));
        }

        var written = pages.ToEntities().Cast<PaymentPageEntity>().ToArray();

        Assert.Equal(["202600014-P-~000003", "202600014-P-~000004", "202600014-P-~000005"], written.Select(p => p.RowKey));
        Assert.Equal([100, 100, 50], written.Select(p => p.Count));
        Assert.Equal(6, pages.NextPage);
        var read = written.SelectMany(p => PaymentLine.ReadAll(p.Lines)).ToArray();
        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"camt:E-{i:000}"), read.Select(l => l.EntryReference));
        Assert.All(written, p => Assert.Equal(BookedAt, p.BookedAt));
    }

    [Fact]
    public void A_transaction_takes_at_most_twenty_pages_and_refuses_the_record_after_them()
    {
        var pages = new PaymentPages(Invoice, 1, BookedAt);
        for (var i = 0; i < PaymentPages.MaxRecordsPerTransaction; i++)
        {
            Assert.True(pages.TryAdd(Line($"camt:E-{i:0000}", payer: null)));
        }

        Assert.False(pages.TryAdd(Line("camt:ONE-TOO-MANY", payer: null)));
        var written = pages.ToEntities();
        Assert.Equal(PaymentPages.MaxPagesPerTransaction, written.Count);
        Assert.Equal(PaymentPages.MaxRecordsPerTransaction, written.Cast<PaymentPageEntity>().Sum(p => p.Count));
    }

    [Fact]
    public void Records_with_the_longest_texts_allowed_are_cut_by_size_and_every_page_fits_a_table_string_property()
    {
        // Every character outside ASCII is escaped to six: the worst a payer name can do to a page's length.
        var payer = new string('å', PaymentPages.MaxTextChars - 40);
        var pages = new PaymentPages(Invoice, 1, BookedAt);
        var added = 0;
        while (pages.TryAdd(Line($"camt:L-{added:000}", payer)))
        {
            added++;
        }

        var written = pages.ToEntities().Cast<PaymentPageEntity>().ToArray();

        Assert.All(written, p => Assert.InRange(p.Lines.Length, 1, PaymentPages.MaxPageChars));
        Assert.All(written, p => Assert.True(p.Lines.All(char.IsAscii)));
        Assert.All(written, p => Assert.Equal(1, p.Count));
        Assert.Equal(PaymentPages.MaxPagesPerTransaction, added);
        Assert.Equal(payer, PaymentLine.ReadAll(written[0].Lines)[0].PayerName);
    }

    private static string Line(string entryReference, string? payer) =>
        new PaymentLine(entryReference, "file.xml", 100, "2026-03-02", "Unpaid", "PartiallyPaid", "None", null, payer, null).ToJson();
}
