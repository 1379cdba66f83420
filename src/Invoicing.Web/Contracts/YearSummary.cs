using Invoicing.Budgets;
using Invoicing.Invoices;

namespace Invoicing.Web.Contracts;

/// <summary>A scheme's year in totals: what was invoiced, paid, is outstanding and is overdue today.</summary>
public sealed record YearSummary(string Scheme, int Year, int Count, decimal Invoiced, decimal Paid, decimal Outstanding, decimal Overdue, int OverdueCount)
{
    /// <summary>
    /// Outstanding counts only what is still due, as the chains say: an overpaid invoice settles what its own chain
    /// lacks, never another party's debt. Paid is what was received less what was paid back.
    /// </summary>
    public static YearSummary From(SchemeId scheme, int year, IReadOnlyList<DocumentBalance> documents, DateOnly today)
    {
        var overdue = documents.Where(d => InvoiceStanding.IsOverdue(d, today)).ToArray();
        return new YearSummary(
            scheme.Value,
            year,
            documents.Count,
            // Net of credit notes: what the year's documents ask for in the end.
            Kronor.From(Money.Sum(documents.Select(d => d.Document.SignedTotal))),
            Kronor.From(Money.Sum(documents.Select(d => d.Paid - d.Refunded))),
            Kronor.From(Money.Sum(documents.Select(d => d.Due))),
            Kronor.From(Money.Sum(overdue.Select(d => d.Due))),
            overdue.Length);
    }
}
