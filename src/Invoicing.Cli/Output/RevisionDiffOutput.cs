using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.Invoices;

namespace Invoicing.Cli.Output;

/// <summary>
/// A party's line in <c>budget diff --json</c> (docs/cli.md): amounts in kronor as JSON numbers; <c>document</c>
/// is null when nothing is issued.
/// </summary>
internal sealed record RevisionDiffOutput(
    string Code,
    string Name,
    decimal InvoicedSoFar,
    decimal NewShare,
    decimal Difference,
    bool OwnShare,
    RevisionDiffDocument? Document)
{
    public static RevisionDiffOutput From(PartyChange change) => new(
        change.Party.Code.Value,
        change.Party.Name,
        change.InvoicedSoFar.ToKronorDecimal(),
        change.NewShare.ToKronorDecimal(),
        change.Difference.ToKronorDecimal(),
        change.IsOwnShare,
        change.Document is { } d ? new RevisionDiffDocument(d.Kind.ToText(), d.Corrects?.Number.ToString(), d.Net.ToKronorDecimal()) : null);

    public static void WriteTable(BudgetRevision revision, IReadOnlyList<PartyChange> changes, TextWriter writer)
    {
        writer.WriteLine($"Draft revision {revision.Number} of budget {revision.Scheme} {revision.Year}, recorded {revision.RecordedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        writer.WriteLine();
        var table = new TextTable(("Code", false), ("Party", false), ("Invoiced so far", true), ("New share", true), ("Difference", true), ("Document", false));
        foreach (var change in changes)
        {
            table.Add(change.Party.Code.Value, change.Party.Name, SwedishFormat.Amount(change.InvoicedSoFar), SwedishFormat.Amount(change.NewShare),
                SwedishFormat.Amount(change.Difference), Describe(change));
        }

        // Each footer row adds up across: what is invoiced so far plus the difference is what is to be invoiced. The
        // issuer's own share is in the budget but never invoiced, so it has a row of its own rather than sitting in
        // the "New share" sum only (where it made the columns disagree).
        table.AddSeparator();
        var documents = changes.Count(c => c.Document is not null);
        table.Add("", "To invoice", SwedishFormat.Amount(Money.Sum(changes.Select(c => c.InvoicedSoFar))),
            SwedishFormat.Amount(Money.Sum(changes.Select(c => c.ToInvoice))), SwedishFormat.Amount(Money.Sum(changes.Select(c => c.Difference))),
            Counted.Of(documents, "document", "documents"));
        var own = changes.Where(c => c.IsOwnShare).ToArray();
        if (own.Length > 0)
        {
            table.Add("", "Own share", "", SwedishFormat.Amount(Money.Sum(own.Select(c => c.NewShare))), "", "not invoiced");
            table.Add("", "Budget", "", SwedishFormat.Amount(Money.Sum(changes.Select(c => c.NewShare))), "", "");
        }

        table.WriteTo(writer);
    }

    private static string Describe(PartyChange change) => change.Document switch
    {
        { Kind: DocumentKind.CreditNote } d => $"credit note {SwedishFormat.Amount(d.Net)} to invoice {d.Corrects?.Number}",
        { Corrects: { } corrects } d => $"supplementary invoice {SwedishFormat.Amount(d.Net)} to invoice {corrects.Number}",
        { } d => $"invoice {SwedishFormat.Amount(d.Net)} (joins)",
        null when change.IsOwnShare => "own share, not invoiced",
        null => "no change",
    };
}

/// <summary>The document a revision causes for a party: <c>invoice</c> or <c>credit-note</c>, the number it corrects, its amount.</summary>
internal sealed record RevisionDiffDocument(string Kind, string? Corrects, decimal Amount);
