using Invoicing.Invoices;

namespace Invoicing.Cli.Output;

/// <summary>A year's invoices as a table for people; <c>--json</c> writes the API's <c>InvoiceSummary</c> instead.</summary>
internal static class InvoiceOutput
{
    public static void WriteTable(IReadOnlyList<Invoice> invoices, TextWriter writer)
    {
        var table = new TextTable(("Number", false), ("Debtor", false), ("Amount", true), ("OCR", false), ("Issued", false), ("Due", false), ("Status", false));
        foreach (var invoice in invoices)
        {
            table.Add(invoice.Number.ToString(), $"{invoice.DebtorCode} {invoice.DebtorName}", SwedishFormat.Amount(invoice.Total), invoice.Ocr.Value,
                SwedishFormat.Date(invoice.IssueDate), SwedishFormat.Date(invoice.DueDate), invoice.Status.ToString());
        }

        table.AddSeparator();
        table.Add($"{invoices.Count} invoices", "", SwedishFormat.Amount(Money.Sum(invoices.Select(i => i.Total))), "", "", "", "");
        table.WriteTo(writer);
    }
}
