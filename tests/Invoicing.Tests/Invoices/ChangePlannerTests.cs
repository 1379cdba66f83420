using CsCheck;
using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Tests.Builders;

namespace Invoicing.Tests.Invoices;

public sealed class ChangePlannerTests
{
    private static InvoicePlan Plan(long pool, long region, bool withSala = true, string? ownParty = null)
    {
        var builder = BudgetBuilder.Vastmanland().WithRegion("REGION-19", "Region Västmanland");
        if (!withSala)
        {
            builder = builder.WithoutPopulation("1981");
        }

        var codes = new[] { "1980", "1984", "1982", "1961", "1960", "1983", "1962", "1904", "1907" }.Concat(withSala ? ["1981"] : Array.Empty<string>());
        return builder.WithListedPool(codes, pool).WithFixedContribution("REGION-19", region).Allocate()
            .ToInvoicePlan(ownParty is null ? null : new Invoicing.Parties.PartyCode(ownParty));
    }

    [Fact]
    public void A_larger_pool_gives_supplementary_invoices_that_sum_exactly_to_the_increase_and_reference_the_originals()
    {
        var issued = new IssuedDocuments();
        var originals = issued.IssueRevision(Plan(75_000, 75_000), 0);

        var documents = issued.IssueRevision(Plan(90_000, 75_000), 1);

        Assert.Equal(10, documents.Count);
        Assert.All(documents, d => Assert.Equal(DocumentKind.Invoice, d.Kind));
        Assert.Equal(Money.FromKronor(15_000), Money.Sum(documents.Select(d => d.Net)));
        foreach (var document in documents)
        {
            var original = issued.All.Single(i => i.DebtorCode == document.Debtor.Code && i.Revision == 0);
            Assert.Equal(new DocumentReference(original.Number, original.IssueDate), document.Corrects);
            Assert.Equal(IssuedDocuments.Reason(1), document.Reason);
        }

        Assert.DoesNotContain(documents, d => d.Debtor.Code.Value == "REGION-19");
        Assert.Equal(11, originals.Count);
    }

    [Fact]
    public void A_smaller_contribution_gives_one_credit_note_for_the_decrease_referencing_the_invoice()
    {
        var issued = new IssuedDocuments();
        issued.IssueRevision(Plan(75_000, 75_000), 0);

        var document = Assert.Single(issued.IssueRevision(Plan(75_000, 60_000), 1));

        Assert.Equal(DocumentKind.CreditNote, document.Kind);
        Assert.Equal("REGION-19", document.Debtor.Code.Value);
        Assert.Equal(Money.FromKronor(15_000), document.Net);
        var original = issued.All.Single(i => i.DebtorCode.Value == "REGION-19" && i.Revision == 0);
        Assert.Equal(original.Number, document.Corrects?.Number);
        Assert.Equal(Money.FromKronor(60_000), issued.Balance(original.Number).Due);
    }

    [Fact]
    public void A_change_line_shows_how_its_amount_came_about_new_share_less_invoiced_so_far()
    {
        var issued = new IssuedDocuments();
        issued.IssueRevision(Plan(75_000, 75_000), 0);

        var credit = Assert.Single(issued.IssueRevision(Plan(75_000, 60_000), 1));
        var supplement = Assert.Single(issued.IssueRevision(Plan(75_000, 62_500), 2));

        var creditLine = Assert.Single(credit.Lines);
        Assert.EndsWith("(ny andel 60\u00A0000,00\u00A0kr − fakturerat hittills 75\u00A0000,00\u00A0kr)", creditLine.Description, StringComparison.Ordinal);
        Assert.Equal(Money.FromKronor(75_000) - Money.FromKronor(60_000), creditLine.Amount);
        var supplementLine = Assert.Single(supplement.Lines);
        Assert.StartsWith("Tillägg enligt budgetrevision 2: ", supplementLine.Description, StringComparison.Ordinal);
        Assert.EndsWith("(ny andel 62\u00A0500,00\u00A0kr − fakturerat hittills 60\u00A0000,00\u00A0kr)", supplementLine.Description, StringComparison.Ordinal);
        Assert.Equal(Money.FromKronor(2_500), supplementLine.Amount);
    }

    [Fact]
    public void A_mixed_revision_credits_decreases_and_invoices_increases_and_leaves_the_rest_alone()
    {
        var issued = new IssuedDocuments();
        issued.IssueRevision(Plan(75_000, 75_000), 0);

        var documents = issued.IssueRevision(Plan(80_000, 70_000), 1);

        Assert.Equal(Money.FromKronor(5_000), Money.Sum(documents.Where(d => d.Kind == DocumentKind.Invoice).Select(d => d.Net)));
        Assert.Equal(Money.FromKronor(5_000), Money.Sum(documents.Where(d => d.Kind == DocumentKind.CreditNote).Select(d => d.Net)));
    }

    [Fact]
    public void A_party_that_joins_gets_an_ordinary_invoice_and_a_party_that_leaves_a_full_credit()
    {
        var issued = new IssuedDocuments();
        issued.IssueRevision(Plan(75_000, 75_000, withSala: false), 0);
        var joined = issued.IssueRevision(Plan(75_000, 75_000, withSala: true), 1);

        var sala = Assert.Single(joined, d => d.Debtor.Code.Value == "1981");
        Assert.Equal(DocumentKind.Invoice, sala.Kind);
        Assert.Null(sala.Corrects);
        Assert.All(joined.Where(d => d != sala), d => Assert.Equal(DocumentKind.CreditNote, d.Kind));
        Assert.Equal(sala.Net, Money.Sum(joined.Where(d => d != sala).Select(d => d.Net)));

        var left = issued.IssueRevision(Plan(75_000, 75_000, withSala: false), 2);
        var salaCredit = Assert.Single(left, d => d.Debtor.Code.Value == "1981");
        Assert.Equal(DocumentKind.CreditNote, salaCredit.Kind);
        Assert.Equal(sala.Net, salaCredit.Net);
        Assert.Equal(Money.Zero, issued.NetFor("1981"));
    }

    [Fact]
    public void Two_revisions_in_a_row_each_change_only_what_changed_since_the_last()
    {
        var issued = new IssuedDocuments();
        issued.IssueRevision(Plan(75_000, 75_000), 0);
        issued.IssueRevision(Plan(90_000, 75_000), 1);

        var second = issued.IssueRevision(Plan(60_000, 75_000), 2);

        Assert.All(second, d => Assert.Equal(DocumentKind.CreditNote, d.Kind));
        Assert.Equal(Money.FromKronor(30_000), Money.Sum(second.Select(d => d.Net)));
        Assert.Equal(Money.FromKronor(60_000 + 75_000), Money.Sum(issued.All.Select(d => d.Signed(d.Net))));
    }

    [Fact]
    public void Planning_a_revision_again_after_some_of_its_documents_were_issued_gives_the_same_documents()
    {
        var issued = new IssuedDocuments();
        issued.IssueRevision(Plan(75_000, 75_000), 0);
        var plan = Plan(90_000, 60_000);
        var before = ChangePlanner.Plan(plan, issued.All, IssuedDocuments.Revision(1), plan.AllShares.ToDictionary(s => s.Debtor.Code, s => s.Debtor));
        foreach (var document in before.Select(c => c.Document).OfType<PlannedDocument>().Take(4))
        {
            issued.Issue(document, plan.Budget.Scheme);
        }

        var after = ChangePlanner.Plan(plan, issued.All, IssuedDocuments.Revision(1), plan.AllShares.ToDictionary(s => s.Debtor.Code, s => s.Debtor));

        static string Shape(PlannedDocument? d) => d is null ? "-"
            : $"{d.Debtor.Code} {d.Kind} {d.Corrects} {d.Revision} " + string.Join(";", d.Lines.Select(l => $"{l.BudgetLineNumber}:{l.Amount.Ore}:{l.Description}"));
        Assert.Equal(before.Select(c => Shape(c.Document)), after.Select(c => Shape(c.Document)));
        Assert.Equal(11, before.Count(c => c.Document is not null));
    }

    [Fact]
    public void The_issuers_own_share_is_computed_and_shown_but_never_invoiced()
    {
        var plan = Plan(75_000, 75_000, ownParty: "1980");
        var issued = new IssuedDocuments();
        issued.IssueRevision(plan, 0);

        Assert.DoesNotContain(plan.Invoices, i => i.Debtor.Code.Value == "1980");
        Assert.Equal(Money.FromKronor(43_035), Assert.Single(plan.OwnShares).Net);
        Assert.Equal(Money.FromKronor(75_000), Money.Sum(plan.AllShares.Where(s => s.Debtor.Kind == Invoicing.Parties.PartyKind.Municipality).Select(s => s.Net)));

        var changes = ChangePlanner.Plan(Plan(90_000, 75_000, ownParty: "1980"), issued.All, IssuedDocuments.Revision(1), plan.AllShares.ToDictionary(s => s.Debtor.Code, s => s.Debtor));
        var own = Assert.Single(changes, c => c.IsOwnShare);
        Assert.Null(own.Document);
        Assert.Equal(Money.Zero, own.Difference);
    }

    [Fact]
    public void A_credit_on_a_paid_invoice_leaves_a_refund_owed()
    {
        var issued = new IssuedDocuments();
        issued.IssueRevision(Plan(75_000, 75_000), 0);
        issued.Pay("REGION-19", Money.FromKronor(75_000));

        issued.IssueRevision(Plan(75_000, 60_000), 1);

        var invoice = issued.Balance(issued.All.OfType<Invoice>().Single(d => d.DebtorCode.Value == "REGION-19").Number);
        Assert.Equal(PaymentStatus.Overpaid, invoice.Status);
        Assert.Equal(Money.FromKronor(15_000), invoice.RefundOwed);
    }

    [Fact]
    public void A_credit_that_reverses_part_of_a_supplement_names_the_supplement_so_an_original_paid_as_printed_stays_paid_and_no_refund_is_owed()
    {
        // Issue 19: Västmanland's pool 75 000 -> 90 000 (a supplement to Sala), then 80 000 (a credit taking back part of it).
        var issued = new IssuedDocuments();
        issued.IssueRevision(Plan(75_000, 75_000), 0);
        var original = issued.All.Single(d => d.DebtorCode.Value == "1981");
        issued.Pay(original.Number, original.Total);
        var supplement = Assert.Single(issued.IssueRevision(Plan(90_000, 75_000), 1), d => d.Debtor.Code.Value == "1981");

        var credit = Assert.Single(issued.IssueRevision(Plan(80_000, 75_000), 2), d => d.Debtor.Code.Value == "1981");

        var supplementNumber = issued.All.Single(d => d.DebtorCode.Value == "1981" && d.Revision == 1).Number;
        Assert.Equal(DocumentKind.CreditNote, credit.Kind);
        Assert.Equal(supplementNumber, credit.Corrects?.Number);
        Assert.Equal((PaymentStatus.Paid, Money.Zero), (issued.Balance(original.Number).Status, issued.Balance(original.Number).RefundOwed));
        var open = issued.Balance(supplementNumber);
        Assert.Equal((PaymentStatus.Unpaid, supplement.Net - credit.Net), (open.Status, open.Due));
        var chain = issued.Chain("1981");
        Assert.Equal((supplement.Net - credit.Net, Money.Zero), (chain.Balance.Due, chain.Balance.RefundOwed));
    }

    [Fact]
    public void A_party_that_leaves_after_a_supplement_is_credited_its_whole_chain_by_one_credit_note()
    {
        var issued = new IssuedDocuments();
        issued.IssueRevision(Plan(75_000, 75_000), 0);
        issued.IssueRevision(Plan(90_000, 75_000), 1);

        var credit = Assert.Single(issued.IssueRevision(Plan(90_000, 75_000, withSala: false), 2), d => d.Debtor.Code.Value == "1981" && d.Kind == DocumentKind.CreditNote);

        var chain = issued.Chain("1981");
        Assert.Equal(chain.Root.Number, credit.Corrects?.Number);
        Assert.All(chain.Invoices, i => Assert.Equal(PaymentStatus.Credited, chain.BalanceOf(i.Number).Status));
        Assert.Equal((Money.Zero, Money.Zero, PaymentStatus.Credited), (chain.Balance.Due, chain.Balance.RefundOwed, chain.Balance.Status));
    }

    [Fact]
    public void After_any_two_revisions_every_partys_documents_come_to_exactly_its_share()
    {
        Gen.Select(Gen.Long[1, 500_000], Gen.Long[1, 500_000], Gen.Long[1, 500_000], Gen.Long[1, 300_000], Gen.Long[1, 300_000], Gen.Long[1, 300_000]).Sample(
            (pool0, pool1, pool2, region0, region1, region2) =>
            {
                var issued = new IssuedDocuments();
                issued.IssueRevision(Plan(pool0, region0), 0);
                issued.IssueRevision(Plan(pool1, region1), 1);
                var last = Plan(pool2, region2);
                issued.IssueRevision(last, 2);
                return last.AllShares.All(s => issued.NetFor(s.Debtor.Code.Value) == s.Net)
                    && Money.Sum(issued.All.Select(d => d.Signed(d.Net))) == Money.FromKronor(pool2 + region2);
            },
            iter: 200);
    }
}
