using Invoicing.Budgets;
using Invoicing.Invoices;

namespace Invoicing.Web.Contracts;

/// <summary>A scheme's year in totals: what was invoiced, paid, is outstanding and is overdue today.</summary>
public sealed record YearSummary(string Scheme, int Year, int Count, decimal Invoiced, decimal Paid, decimal Outstanding, decimal Overdue, int OverdueCount)
{
    /// <summary>Outstanding counts only what is still due: an overpaid invoice does not lower another's debt.</summary>
    public static YearSummary From(SchemeId scheme, int year, IReadOnlyList<Invoice> invoices, DateOnly today)
    {
        var overdue = invoices.Where(i => InvoiceStanding.IsOverdue(i, today)).ToArray();
        return new YearSummary(
            scheme.Value,
            year,
            invoices.Count,
            // Net of credit notes: what the year's documents ask for in the end.
            Kronor.From(Money.Sum(invoices.Select(i => i.IsCreditNote ? -i.Total : i.Total))),
            Kronor.From(Money.Sum(invoices.Select(i => i.AmountPaid))),
            Kronor.From(Money.Sum(invoices.Select(i => i.AmountDue > Money.Zero ? i.AmountDue : Money.Zero))),
            Kronor.From(Money.Sum(overdue.Select(i => i.AmountDue))),
            overdue.Length);
    }
}
