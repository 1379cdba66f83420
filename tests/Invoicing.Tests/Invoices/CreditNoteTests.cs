using CsCheck;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Parties;

namespace Invoicing.Tests.Invoices;

public sealed class CreditNoteTests
{
    private static readonly InvoiceNumber Number = new(2026, 31);
    private static readonly DocumentReference Credited = new(new InvoiceNumber(2026, 14), new DateOnly(2026, 1, 20));

    [Fact]
    public void A_credit_note_cannot_be_made_without_the_invoice_it_credits()
    {
        var e = Assert.Throws<ArgumentException>(() => Make([Line(1_000_00)], 1_000_00, 0, 1_000_00, credits: null!));

        Assert.Contains("must name the invoice it credits", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_credit_note_cannot_credit_itself()
    {
        Assert.Throws<ArgumentException>(() => Make([Line(1_000_00)], 1_000_00, 0, 1_000_00, new DocumentReference(Number, new DateOnly(2026, 4, 1))));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-100_00L)]
    public void A_credit_note_must_credit_a_positive_total(long ore)
    {
        var e = Assert.Throws<ArgumentException>(() => Make([Line(ore)], ore, 0, ore, Credited));

        Assert.Contains("must credit a positive amount", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_credit_note_whose_lines_do_not_add_up_to_its_net_and_total_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Make([Line(600_00), Line(300_00)], 1_000_00, 0, 1_000_00, Credited));
        Assert.Throws<ArgumentException>(() => Make([Line(1_000_00)], 1_000_00, 250_00, 1_000_00, Credited));
    }

    [Fact]
    public void Any_credit_note_whose_amounts_add_up_is_made_and_counts_negative_in_a_sum_of_documents()
    {
        Gen.Select(Gen.Long[1, 10_000_000].Array[1, 5], Gen.Long[0, 2_000_000]).Sample((lines, vatOre) =>
        {
            var net = lines.Sum();
            var note = Make([.. lines.Select(Line)], net, vatOre, net + vatOre, Credited);

            Assert.Equal(Credited, note.Credits);
            Assert.Equal(note.Credits, note.Corrects);
            Assert.Equal(DocumentKind.CreditNote, note.Kind);
            Assert.Equal(-note.Total, note.SignedTotal);
            Assert.Equal(-note.Net, note.Signed(note.Net));
        });
    }

    [Fact]
    public void A_stored_credit_note_row_that_names_no_invoice_is_refused_naming_the_row()
    {
        var row = InvoiceEntity.From(Make([Line(500_00)], 500_00, 0, 500_00, Credited), DateTimeOffset.UnixEpoch);
        row.CorrectsNumber = null;

        var e = Assert.Throws<InvalidDataException>(() => row.ToDocument());

        Assert.StartsWith($"Table Invoices, partition region-mitt-pom:2026, row {Number}:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_credit_note_row_is_written_as_before_and_read_back_as_a_credit_note()
    {
        var note = Make([Line(500_00)], 500_00, 0, 500_00, Credited) with { Reason = "Fel mottagare", Revision = 1 };

        var row = InvoiceEntity.From(note, DateTimeOffset.UnixEpoch);

        Assert.Equal(("credit-note", Number.ToOcrReference().Value, row.IssueDate, "Issued", 0L), (row.Kind, row.Ocr, row.DueDate, row.Status, row.AmountDueOre));
        var read = Assert.IsType<CreditNote>(row.ToDocument());
        Assert.Equal((note.Credits, note.Total, note.Reason, note.Revision, note.IssueDate), (read.Credits, read.Total, read.Reason, read.Revision, read.IssueDate));
        Assert.Equal(note.Lines, read.Lines);
        Assert.Throws<InvalidDataException>(() => row.ToInvoice());
    }

    private static InvoiceLine Line(long ore) => new(1, "Bidrag", new Money(ore));

    private static CreditNote Make(InvoiceLine[] lines, long netOre, long vatOre, long totalOre, DocumentReference credits) =>
        new(new SchemeId("region-mitt-pom"), 2026, Number, new PartyCode("1984"), "Arboga kommun", new DateOnly(2026, 4, 1), lines,
            new Money(netOre), new Money(vatOre), new Money(totalOre), "region-mitt-pom/2026/202600031.pdf", "", credits);
}
