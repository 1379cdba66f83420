using CsCheck;
using Invoicing.Documents;

namespace Invoicing.Tests.Documents;

/// <summary>A document model is made only when what it prints adds up: lines to net, net and VAT to a positive total.</summary>
public sealed class DocumentTotalsTests
{
    private static readonly InvoiceDocument Valid = new InvoiceDocumentBuilder().Build();

    private static readonly Gen<long[]> LineAmounts = Gen.Long[-1_000_000_000, 1_000_000_000].Array[1, 12];

    [Fact]
    public void Lines_that_sum_to_the_net_make_a_document_that_prints_exactly_those_amounts()
    {
        Gen.Select(LineAmounts, Gen.Long[0, 10_000_000]).Where((lines, vat) => lines.Sum() > 0).Sample((amounts, vat) =>
        {
            var lines = amounts.Select((a, i) => new DocumentLine($"rad {i}", new Money(a))).ToArray();
            var net = new Money(amounts.Sum());

            var document = Make(lines, net, new Money(vat), net + new Money(vat));

            Assert.Equal(amounts, document.Lines.Select(l => l.Amount.Ore));
            Assert.Equal(document.Net, Money.Sum(document.Lines.Select(l => l.Amount)));
            Assert.Equal(document.Total, document.Net + document.Vat);
        });
    }

    [Fact]
    public void Lines_that_do_not_sum_to_the_net_are_refused()
    {
        Gen.Select(LineAmounts, Gen.Long[-1_000_000, 1_000_000].Where(o => o != 0)).Sample((amounts, offset) =>
        {
            var lines = amounts.Select((a, i) => new DocumentLine($"rad {i}", new Money(a))).ToArray();
            var net = new Money(amounts.Sum() + offset);

            var e = Assert.Throws<InconsistentDocumentException>(() => Make(lines, net, Money.Zero, net));

            Assert.StartsWith($"Document {Valid.InvoiceNumber}: its {lines.Length} lines come to ", e.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_total_other_than_net_plus_vat_is_refused()
    {
        Gen.Select(Gen.Long[1, 1_000_000_000], Gen.Long[0, 1_000_000], Gen.Long[-1_000, 1_000].Where(o => o != 0)).Sample((net, vat, offset) =>
        {
            var lines = new[] { new DocumentLine("Bidrag", new Money(net)) };

            Assert.Throws<InconsistentDocumentException>(() => Make(lines, new Money(net), new Money(vat), new Money(net + vat + offset)));
        });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void A_document_that_asks_for_nothing_or_less_than_nothing_is_refused(long ore)
    {
        var lines = new[] { new DocumentLine("Faktura", new Money(1_000)), new DocumentLine("Betalt", new Money(ore - 1_000)) };

        var e = Assert.Throws<InconsistentDocumentException>(() => Make(lines, new Money(ore), Money.Zero, new Money(ore)));

        Assert.Contains("a document asks for or credits a positive amount", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lines_are_copied_so_a_changed_list_cannot_change_the_document()
    {
        var lines = new List<DocumentLine> { new("Bidrag", new Money(100)) };
        var document = Make(lines, new Money(100), Money.Zero, new Money(100));

        lines.Add(new DocumentLine("Tillägg", new Money(50)));

        Assert.Single(document.Lines);
    }

    private static InvoiceDocument Make(IReadOnlyList<DocumentLine> lines, Money net, Money vat, Money total) =>
        new(Valid.Seller, Valid.Buyer, Valid.InvoiceNumber, Valid.Ocr, Valid.IssueDate, Valid.DueDate, Valid.Subject, lines, net, vat, total);
}
