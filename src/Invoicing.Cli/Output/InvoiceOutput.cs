using Invoicing.Documents;
using Invoicing.Invoices;

namespace Invoicing.Cli.Output;

/// <summary>A year's invoices as a table for people; <c>--json</c> writes the API's <c>InvoiceSummary</c> instead.</summary>
internal static class InvoiceOutput
{
    /// <summary>"UBL", or why the document is PDF only, for the list's last column.</summary>
    public static string EInvoiceColumn(Invoice invoice) => invoice.EInvoiceBlobName is not null
        ? "UBL"
        : "PDF only: " + (invoice.EInvoiceMissingReason ?? "issued before e-invoices");

    public static void WriteTable(IReadOnlyList<Invoice> invoices, TextWriter writer)
    {
        var table = new TextTable(("Number", false), ("Debtor", false), ("Amount", true), ("OCR", false), ("Issued", false), ("Due", false), ("Status", false), ("Document", false), ("E-invoice", false));
        foreach (var invoice in invoices)
        {
            table.Add(invoice.Number.ToString(), $"{invoice.DebtorCode} {invoice.DebtorName}", SwedishFormat.Amount(invoice.Total), invoice.IsCreditNote ? "" : invoice.Ocr.Value,
                SwedishFormat.Date(invoice.IssueDate), invoice.IsCreditNote ? "" : SwedishFormat.Date(invoice.DueDate), invoice.Status.ToString(), Document(invoice), EInvoiceColumn(invoice));
        }

        table.AddSeparator();
        var credits = invoices.Count(i => i.IsCreditNote);
        var net = Money.Sum(invoices.Select(i => i.IsCreditNote ? -i.Total : i.Total));
        table.Add(credits == 0 ? $"{invoices.Count} invoices" : $"{invoices.Count - credits} invoices, {credits} credit note{(credits == 1 ? "" : "s")}", credits == 0 ? "" : "net", SwedishFormat.Amount(net), "", "", "", "", "", "");
        table.WriteTo(writer);
        var refunds = invoices.Where(i => i.RefundOwed > Money.Zero).ToArray();
        if (refunds.Length > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Refunds owed:");
            foreach (var invoice in refunds)
            {
                writer.WriteLine($"  {invoice.Number} {invoice.DebtorCode} {invoice.DebtorName}: {SwedishFormat.Amount(invoice.RefundOwed)}");
            }
        }
    }

    /// <summary>"credit note to N", "supplementary to N", else empty (an ordinary invoice).</summary>
    public static string Document(Invoice invoice) => invoice switch
    {
        { IsCreditNote: true } => $"credit note to {invoice.Corrects?.Number}",
        { Corrects: { } corrects } => $"supplementary to {corrects.Number}",
        _ => invoice.Credited > Money.Zero ? $"credited {SwedishFormat.Amount(invoice.Credited)}" : "",
    };
}
