using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Parties;

namespace Invoicing.Allocation;

/// <summary>
/// The documents that bring each party's account in line with a budget revision. Pure. Per party and budget
/// line: the revision's amount minus what the party's documents of <b>earlier</b> revisions say (invoices +,
/// credit notes −). Counting only earlier revisions makes the result the same however often, or however far,
/// a run of this revision got before: a resumed run plans exactly the documents the interrupted one did.
/// <list type="bullet">
/// <item>more: a supplementary invoice correcting the party's original invoice, or an ordinary invoice for a party with none (it joined);</item>
/// <item>less: a credit note naming the party's newest invoice that still asks for that much (a decrease takes back
/// the latest increase first), the original when that is all there is (a party that left is credited in full);</item>
/// <item>the same: nothing.</item>
/// </list>
/// </summary>
public static class ChangePlanner
{
    public static IReadOnlyList<PartyChange> Plan(
        InvoicePlan target,
        IReadOnlyList<IssuedDocument> issued,
        BudgetRevision revision,
        IReadOnlyDictionary<PartyCode, Party> parties)
    {
        var earlier = issued.Where(d => d.Revision < revision.Number).ToArray();
        var shares = target.Invoices.Select(p => (Planned: p, Own: false))
            .Concat(target.OwnShares.Select(p => (Planned: p, Own: true)))
            .ToDictionary(s => s.Planned.Debtor.Code);
        var codes = shares.Keys.Concat(earlier.Select(d => d.DebtorCode)).Distinct();
        // Each party's documents from one pass: searched per party, a revision of a pool of thousands would read every
        // document once per party.
        var byDebtor = earlier.ToLookup(d => d.DebtorCode);

        var changes = new List<PartyChange>();
        foreach (var code in codes)
        {
            var documents = byDebtor[code].OrderBy(d => d.Number).ToArray();
            var share = shares.TryGetValue(code, out var s) ? s.Planned : null;
            var own = share is not null && s.Own;
            var party = share?.Debtor
                ?? (parties.TryGetValue(code, out var known) ? known : new Party(code, PartyKind.Agency, documents[0].DebtorName, null, null, [], null, null));
            var invoicedSoFar = Money.Sum(documents.Select(d => d.Signed(d.Net)));
            var newShare = share?.Net ?? Money.Zero;
            var change = new PartyChange(party, invoicedSoFar, newShare, own, null);
            if (change.Difference != Money.Zero)
            {
                change = change with { Document = DocumentFor(party, own ? null : share, documents, change.Difference, revision) };
            }

            changes.Add(change);
        }

        return changes.OrderBy(c => c.Party.Kind).ThenBy(c => c.Party.Code).ToArray();
    }

    private static PlannedDocument DocumentFor(Party party, PlannedInvoice? share, IssuedDocument[] documents, Money difference, BudgetRevision revision)
    {
        var targetLines = share?.Lines ?? [];
        var lineNumbers = targetLines.Select(l => l.BudgetLineNumber)
            .Concat(documents.SelectMany(d => d.Lines.Select(l => l.BudgetLineNumber)))
            .Distinct()
            .Order();
        var credit = difference < Money.Zero;
        var lines = new List<PlannedInvoiceLine>();
        foreach (var number in lineNumbers)
        {
            var wanted = targetLines.FirstOrDefault(l => l.BudgetLineNumber == number);
            var so = Money.Sum(documents.SelectMany(d => d.Lines.Where(l => l.BudgetLineNumber == number).Select(l => d.Signed(l.Amount))));
            var diff = (wanted?.Amount ?? Money.Zero) - so;
            if (diff == Money.Zero)
            {
                continue;
            }

            var basis = wanted?.Description
                ?? documents.OfType<Invoice>().SelectMany(d => d.Lines).Last(l => l.BudgetLineNumber == number).Description + " (utgår)";
            var prefix = credit ? "Kreditering" : documents.OfType<Invoice>().Any() ? "Tillägg" : "Ny deltagare";
            lines.Add(new PlannedInvoiceLine(number, $"{prefix} enligt budgetrevision {revision.Number}: {basis}{Derivation(wanted?.Amount ?? Money.Zero, so)}", credit ? -diff : diff, wanted?.Population));
        }

        var invoices = documents.OfType<Invoice>().ToArray();
        if (!credit)
        {
            var original = invoices.FirstOrDefault(d => d.Corrects is null);
            return new PlannedDocument(party, DocumentKind.Invoice, lines, revision.Number,
                original is null ? null : new DocumentReference(original.Number, original.IssueDate), revision.Reason)
            {
                Decision = revision.Decision,
                Specification = share?.Specification,
            };
        }

        // The credit note names the newest document of the chain that still asks for what it takes back (a credit of
        // part of a supplement credits the supplement, not an original paid as printed).
        var corrected = Credited(documents, Money.Sum(lines.Select(l => l.Amount)));
        return new PlannedDocument(party, DocumentKind.CreditNote, lines, revision.Number, new DocumentReference(corrected.Number, corrected.IssueDate), revision.Reason)
        {
            Decision = revision.Decision,
            Specification = share?.Specification,
        };
    }

    /// <summary>
    /// The invoice a credit of <paramref name="amount"/> names: the newest that still asks for that much (a decrease
    /// first takes back the latest increase, so a credit that reverses part of a supplementary invoice names that
    /// supplement, not the original its party may have paid as printed); when none does alone (a party leaving after a
    /// supplement), the one with the most left, whose chain takes the rest off its other invoices.
    /// </summary>
    private static Invoice Credited(IssuedDocument[] documents, Money amount)
    {
        var balances = DocumentChain.BalancesOf(documents).ToDictionary(b => b.Document.Number);
        var invoices = documents.OfType<Invoice>().OrderByDescending(d => d.Number).ToArray();
        return invoices.FirstOrDefault(i => balances[i.Number].Asked >= amount)
            ?? invoices.OrderByDescending(i => balances[i.Number].Asked).ThenBy(i => i.Number).First();
    }

    /// <summary>
    /// How a change line's amount came about, so that its reader can check it without the earlier documents at hand:
    /// the line's new amount less what the party was invoiced on it so far (net of credits). A party that joins has
    /// nothing so far, and its line is simply its share.
    /// </summary>
    private static string Derivation(Money wanted, Money soFar) =>
        soFar == Money.Zero ? "" : $" (ny andel {SwedishFormat.Amount(wanted)} − fakturerat hittills {SwedishFormat.Amount(soFar)})";
}
