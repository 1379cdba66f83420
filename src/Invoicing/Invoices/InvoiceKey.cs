using Invoicing.Budgets;

namespace Invoicing.Invoices;

/// <summary>Identifies one issued invoice: its scheme, budget year and number.</summary>
public readonly record struct InvoiceKey(SchemeId Scheme, int Year, InvoiceNumber Number)
{
    public override string ToString() => $"{Scheme}/{Year}/{Number}";
}
