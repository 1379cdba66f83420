using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Invoicing.Budgets;
using Invoicing.Parties;

namespace Invoicing.Allocation;

/// <summary>The invoices a budget produces, before numbers are given.</summary>
public sealed record InvoicePlan(Budget Budget, IReadOnlyList<PlannedInvoice> Invoices)
{
    public Money Total => Money.Sum(Invoices.Select(i => i.Net));

    /// <summary>
    /// SHA-256 (lower-case hex) of who is invoiced what: debtor codes, line numbers, texts and amounts.
    /// Recorded when the budget is approved and checked before every run, so an edit to a population table
    /// or a party after approval cannot silently change half of a year's invoices.
    /// </summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var invoice in Invoices)
        {
            foreach (var line in invoice.Lines)
            {
                text.Append(invoice.Debtor.Code.Value).Append('|')
                    .Append(line.BudgetLineNumber.ToString(CultureInfo.InvariantCulture)).Append('|')
                    .Append(line.Description).Append('|')
                    .Append(line.Amount.Ore.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>One party's invoice-to-be.</summary>
public sealed record PlannedInvoice(Party Debtor, IReadOnlyList<PlannedInvoiceLine> Lines)
{
    public Money Net => Money.Sum(Lines.Select(l => l.Amount));
}

/// <summary>A line of a planned invoice; <see cref="Description"/> shows the basis of the amount.</summary>
public sealed record PlannedInvoiceLine(int BudgetLineNumber, string Description, Money Amount)
{
    /// <summary>
    /// For a pool share, where its population figures come from (source and reference date), printed on the
    /// invoice; wording, so not part of the plan's fingerprint.
    /// </summary>
    public string? PopulationBasis { get; init; }
}
