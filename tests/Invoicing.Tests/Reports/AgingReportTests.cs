using CsCheck;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Parties;
using Invoicing.Reports;

namespace Invoicing.Tests.Reports;

/// <summary>The aging report: each invoice's amount still due, as its chain says, in the bucket of its due date.</summary>
public sealed class AgingReportTests
{
    private static readonly SchemeId Scheme = new("test-scheme");
    private static readonly DateOnly Due = new(2026, 2, 19);

    [Theory]
    [InlineData(-1, AgingBucket.NotDue)]
    [InlineData(0, AgingBucket.NotDue)]
    [InlineData(1, AgingBucket.Days1To30)]
    [InlineData(30, AgingBucket.Days1To30)]
    [InlineData(31, AgingBucket.Days31To60)]
    [InlineData(60, AgingBucket.Days31To60)]
    [InlineData(61, AgingBucket.Days61To90)]
    [InlineData(90, AgingBucket.Days61To90)]
    [InlineData(91, AgingBucket.Over90)]
    [InlineData(400, AgingBucket.Over90)]
    public void Days_past_due_are_counted_from_the_due_date_which_itself_is_not_yet_due(int daysAfterDue, AgingBucket expected)
    {
        Assert.Equal(expected, AgingBuckets.For(Due, Due.AddDays(daysAfterDue)));

        var report = AgingReport.Of(Scheme, 2026, [Invoice(1, "2180", 10_000)], Due.AddDays(daysAfterDue));

        var row = Assert.Single(report.Rows);
        Assert.Equal(Money.FromKronor(10_000), row.Amounts[expected]);
        Assert.Equal(Money.FromKronor(10_000), row.Amounts.Total);
    }

    [Fact]
    public void Partial_payments_and_credits_count_and_a_credit_note_has_no_bucket_of_its_own()
    {
        var invoice = Invoice(1, "2180", 10_000).WithPayment(Money.FromKronor(3_000), Due).WithCredit(Money.FromKronor(2_000));
        // The credit note is issued long after (and has no due date): it must not show up as not yet due, nor as a negative amount.
        var credit = CreditNote(2, invoice, 2_000) with { IssueDate = Due.AddDays(40) };

        var report = AgingReport.Of(Scheme, 2026, [invoice, credit], Due.AddDays(45));

        var row = Assert.Single(report.Rows);
        Assert.Equal(new AgingAmounts(Money.Zero, Money.Zero, Money.FromKronor(5_000), Money.Zero, Money.Zero), row.Amounts);
    }

    [Fact]
    public void A_supplementary_invoice_ages_from_its_own_due_date_and_an_overpaid_original_settles_it_first()
    {
        var original = Invoice(1, "2180", 10_000).WithPayment(Money.FromKronor(10_400), Due);
        var supplement = Supplement(2, original, 1_000) with { DueDate = Due.AddDays(60) };

        var report = AgingReport.Of(Scheme, 2026, [original, supplement], Due.AddDays(65));

        // The 400 kr paid beyond the original settle the supplement, which is 5 days overdue on the rest.
        var row = Assert.Single(report.Rows);
        Assert.Equal(new AgingAmounts(Money.Zero, Money.FromKronor(600), Money.Zero, Money.Zero, Money.Zero), row.Amounts);
    }

    [Fact]
    public void A_debtor_with_nothing_due_or_owed_money_back_is_not_on_the_report()
    {
        var paid = Invoice(1, "2180", 1_000).WithPayment(Money.FromKronor(1_000), Due);
        var overpaid = Invoice(2, "2181", 1_000).WithPayment(Money.FromKronor(1_500), Due);
        var credited = Invoice(3, "2182", 1_000).WithCredit(Money.FromKronor(1_000));
        var open = Invoice(5, "2183", 1_000);

        var report = AgingReport.Of(Scheme, 2026, [paid, overpaid, credited, CreditNote(4, credited, 1_000), open], Due.AddDays(100));

        Assert.Equal(["2183"], report.Rows.Select(r => r.DebtorCode.Value));
        Assert.Equal(Money.FromKronor(1_000), report.Totals.Over90);
    }

    [Fact]
    public void Rows_are_in_debtor_code_order_with_the_name_of_the_newest_document()
    {
        var first = Invoice(1, "2181", 1_000);
        var other = Invoice(2, "2180", 2_000);
        var renamed = Supplement(3, first, 500) with { DebtorName = "Nytt namn" };

        var report = AgingReport.Of(Scheme, 2026, [first, other, renamed], Due);

        Assert.Equal([("2180", "Gävle kommun"), ("2181", "Nytt namn")], report.Rows.Select(r => (r.DebtorCode.Value, r.DebtorName)));
        Assert.Equal(Money.FromKronor(3_500), report.Totals.NotDue);
    }

    [Fact]
    public void A_document_of_another_year_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => AgingReport.Of(Scheme, 2027, [Invoice(1, "2180", 1_000)], Due));

        Assert.StartsWith("Document 202600001 is of test-scheme 2026, not of the report's test-scheme 2027.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Generated ledgers of several debtors (invoices, supplements, credit notes, payments, reversals and refunds, each
    /// invoice with its own due date): each debtor's buckets sum to what its chains ask for as one debt
    /// (<see cref="ChainBalance.Due"/>, computed from the rows' sums), each bucket holds exactly the amounts still due
    /// on the invoices whose due date falls in it, and the totals are the rows' sums.
    /// </summary>
    [Fact]
    public void Buckets_sum_to_what_each_debtor_has_due_and_each_amount_sits_in_its_due_dates_bucket()
    {
        var debtor = Gen.Select(
            Gen.Long[1, 5_000_000],
            Gen.Select(Gen.Long[1, 2_000_000], Gen.Int[-100, 150]).Array[0, 3],
            Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Long[1, 3_000_000]).Array[0, 10],
            Gen.Int[-100, 150]);
        Gen.Select(debtor.Array[1, 6], Gen.Int[0, 200]).Sample((debtors, asOfOffset) =>
        {
            var documents = new List<IssuedDocument>();
            for (var d = 0; d < debtors.Length; d++)
            {
                documents.AddRange(Ledger(2180 + d, documents.Count, debtors[d]));
            }

            var asOf = Due.AddDays(asOfOffset);
            var report = AgingReport.Of(Scheme, 2026, documents, asOf);

            var byDebtor = report.Rows.ToDictionary(r => r.DebtorCode.Value);
            foreach (var party in documents.GroupBy(x => x.DebtorCode.Value))
            {
                var due = Money.Sum(DocumentChain.Of(party).Select(c => c.Balance.Due));
                Assert.Equal(due, byDebtor.TryGetValue(party.Key, out var row) ? row.Amounts.Total : Money.Zero);
                var balances = DocumentChain.BalancesOf(party);
                foreach (var bucket in AgingBuckets.All)
                {
                    var inBucket = Money.Sum(balances.OfType<InvoiceBalance>().Where(b => AgingBuckets.For(b.Invoice.DueDate, asOf) == bucket).Select(b => b.Due));
                    Assert.Equal(inBucket, row?.Amounts[bucket] ?? Money.Zero);
                }
            }

            Assert.All(report.Rows, r => Assert.True(r.Amounts.Total > Money.Zero && AgingBuckets.All.All(b => r.Amounts[b] >= Money.Zero)));
            foreach (var bucket in AgingBuckets.All)
            {
                Assert.Equal(Money.Sum(report.Rows.Select(r => r.Amounts[bucket])), report.Totals[bucket]);
            }
        });
    }

    /// <summary>One debtor's documents, numbered after <paramref name="numbered"/>, recorded as the store records them.</summary>
    private static List<IssuedDocument> Ledger(int code, int numbered, (long RootOre, (long Ore, int DueOffset)[] Supplements, (int Kind, int Which, long Ore)[] Actions, int RootDueOffset) debtor)
    {
        var party = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var next = numbered;
        var documents = new List<IssuedDocument> { Invoice(++next, party, 0) with { Total = new Money(debtor.RootOre), Net = new Money(debtor.RootOre), DueDate = Due.AddDays(debtor.RootDueOffset) } };
        foreach (var (ore, dueOffset) in debtor.Supplements)
        {
            documents.Add(Supplement(++next, (Invoice)documents[0], 0) with { Total = new Money(ore), Net = new Money(ore), DueDate = Due.AddDays(dueOffset) });
        }

        var invoices = documents.Count;
        foreach (var (kind, which, ore) in debtor.Actions)
        {
            var index = which % invoices;
            var invoice = (Invoice)documents[index];
            var amount = new Money(ore);
            if (kind == 0)
            {
                documents[index] = invoice.WithPayment(amount, Due);
            }
            else if (kind == 1 && DocumentChain.Of(documents).Single().Balance.Asked >= amount)
            {
                var credit = CreditNoteOf(++next, invoice, amount);
                documents.Add(credit);
                foreach (var part in DocumentChain.Of(documents).Single().Credits.Where(c => c.CreditNote.Number == credit.Number))
                {
                    var i = documents.FindIndex(x => x.Number == part.Invoice);
                    documents[i] = ((Invoice)documents[i]).WithCredit(part.Amount);
                }
            }
            else if (kind == 2 && invoice.OwnRemaining < Money.Zero)
            {
                var owed = -invoice.OwnRemaining;
                documents[index] = invoice.WithRefund(amount < owed ? amount : owed);
            }
            else if (kind == 3 && invoice.AmountPaid > Money.Zero)
            {
                documents[index] = invoice.WithReversal(amount < invoice.AmountPaid ? amount : invoice.AmountPaid);
            }
        }

        return documents;
    }

    private static Invoice Invoice(int sequence, string debtor, long kronor)
    {
        var number = new InvoiceNumber(2026, sequence);
        return new Invoice(Scheme, 2026, number, new PartyCode(debtor), "Gävle kommun", number.ToOcrReference(),
            new DateOnly(2026, 1, 20), Due, [new InvoiceLine(1, "Bidrag", Money.FromKronor(kronor))],
            Money.FromKronor(kronor), Money.Zero, Money.FromKronor(kronor), "", "");
    }

    private static Invoice Supplement(int sequence, Invoice original, long kronor) =>
        Invoice(sequence, original.DebtorCode.Value, kronor) with { AddsTo = new DocumentReference(original.Number, original.IssueDate), Revision = 1 };

    private static CreditNote CreditNote(int sequence, Invoice corrects, long kronor) => CreditNoteOf(sequence, corrects, Money.FromKronor(kronor));

    private static CreditNote CreditNoteOf(int sequence, Invoice corrects, Money amount) =>
        new(Scheme, 2026, new InvoiceNumber(2026, sequence), corrects.DebtorCode, "Gävle kommun", new DateOnly(2026, 1, 20),
            [new InvoiceLine(1, "Bidrag", amount)], amount, Money.Zero, amount, "", "", new DocumentReference(corrects.Number, corrects.IssueDate));
}
