using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.Invoices;

namespace Invoicing.Tests.Invoices;

/// <summary>
/// A year's issued documents for planner tests: planned documents become recorded ones with the next number,
/// and credit notes are applied as their chain says, as the store does.
/// </summary>
internal sealed class IssuedDocuments
{
    private static readonly DateOnly IssueDate = new(2026, 1, 20);
    private readonly List<IssuedDocument> _documents = [];

    public IReadOnlyList<IssuedDocument> All => _documents;

    /// <summary>Revision <paramref name="number"/>, approved on 2026-03-16.</summary>
    public static BudgetRevision Revision(int number) =>
        new(new SchemeId("region-mitt-pom"), 2026, number, "", "", DateTimeOffset.UnixEpoch) { Decision = new BudgetDecision(new DateOnly(2026, 3, 16), "test") };

    public static string Reason(int revision) => Revision(revision).Reason;

    /// <summary>Plans <paramref name="revision"/> of <paramref name="plan"/> against what is issued, and issues it.</summary>
    public IReadOnlyList<PlannedDocument> IssueRevision(InvoicePlan plan, int revision)
    {
        var planned = revision == 0
            ? plan.Invoices.Select(PlannedDocument.FirstInvoice).ToArray()
            : ChangePlanner.Plan(plan, _documents, Revision(revision), plan.AllShares.ToDictionary(s => s.Debtor.Code, s => s.Debtor))
                .Select(c => c.Document).OfType<PlannedDocument>().ToArray();
        foreach (var document in planned)
        {
            Issue(document, plan.Budget.Scheme);
        }

        return planned;
    }

    public IssuedDocument Issue(PlannedDocument document, SchemeId scheme)
    {
        var number = new InvoiceNumber(2026, _documents.Count + 1);
        var lines = document.Lines.Select(l => new InvoiceLine(l.BudgetLineNumber, l.Description, l.Amount)).ToArray();
        IssuedDocument issued = document.Kind == DocumentKind.CreditNote
            ? new CreditNote(scheme, 2026, number, document.Debtor.Code, document.Debtor.Name, IssueDate, lines, document.Net, Money.Zero, document.Net, "", "", document.Corrects!)
            {
                Reason = document.Reason,
                Revision = document.Revision,
            }
            : new Invoice(scheme, 2026, number, document.Debtor.Code, document.Debtor.Name, number.ToOcrReference(), IssueDate, IssueDate.AddDays(30),
                lines, document.Net, Money.Zero, document.Net, "", "")
            {
                AddsTo = document.Corrects,
                Reason = document.Reason,
                Revision = document.Revision,
            };
        if (issued is CreditNote)
        {
            // As the store does: the parts its chain says, on the invoice it names first.
            var chain = DocumentChain.Of([.. _documents.Where(d => d.DebtorCode == issued.DebtorCode), issued]).Single(c => c.Holds(issued.Number));
            foreach (var part in chain.Credits.Where(c => c.CreditNote.Number == issued.Number))
            {
                var index = _documents.FindIndex(d => d.Number == part.Invoice);
                _documents[index] = ((Invoice)_documents[index]).WithCredit(part.Amount);
            }
        }

        _documents.Add(issued);
        return issued;
    }

    /// <summary>Pays the party's original invoice.</summary>
    public void Pay(string debtor, Money amount) => Pay(_documents.OfType<Invoice>().First(d => d.DebtorCode.Value == debtor).Number, amount);

    public void Pay(InvoiceNumber number, Money amount)
    {
        var index = _documents.FindIndex(d => d.Number == number);
        _documents[index] = ((Invoice)_documents[index]).WithPayment(amount, IssueDate.AddDays(10));
    }

    /// <summary>The document as its chain sees it.</summary>
    public DocumentBalance Balance(InvoiceNumber number) => DocumentChain.BalancesOf(_documents).Single(b => b.Document.Number == number);

    /// <summary>The chain of the party's documents.</summary>
    public DocumentChain Chain(string debtor) => Assert.Single(DocumentChain.Of(_documents.Where(d => d.DebtorCode.Value == debtor)));

    /// <summary>What the party's documents come to: invoices − credit notes.</summary>
    public Money NetFor(string debtor) =>
        Money.Sum(_documents.Where(d => d.DebtorCode.Value == debtor).Select(d => d.Signed(d.Net)));
}
