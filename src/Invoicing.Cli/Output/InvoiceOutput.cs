using Invoicing.Documents;
using Invoicing.Invoices;

namespace Invoicing.Cli.Output;

/// <summary>
/// A year's invoices as a table for people, each with its chain's status (<see cref="DocumentChain"/>); <c>--json</c>
/// writes the API's <c>InvoiceSummary</c> instead.
/// </summary>
internal static class InvoiceOutput
{
    /// <summary>"UBL", or why the document is PDF only, for the list's last column.</summary>
    public static string EInvoiceColumn(IssuedDocument invoice) => invoice.EInvoiceBlobName is not null
        ? "UBL"
        : "PDF only: " + (invoice.EInvoiceMissingReason ?? "issued before e-invoices");

    public static void WriteTable(IReadOnlyList<DocumentBalance> documents, TextWriter writer)
    {
        var invoices = documents.Select(d => d.Document).ToArray();
        var table = new TextTable(("Number", false), ("Debtor", false), ("Amount", true), ("OCR", false), ("Issued", false), ("Due", false), ("Status", false), ("Document", false), ("E-invoice", false));
        foreach (var balance in documents)
        {
            var invoice = balance.Document;
            table.Add(invoice.Number.ToString(), $"{invoice.DebtorCode} {invoice.DebtorName}", SwedishFormat.Amount(invoice.Total), (invoice as Invoice)?.Ocr.Value ?? "",
                SwedishFormat.Date(invoice.IssueDate), invoice is Invoice { DueDate: var due } ? SwedishFormat.Date(due) : "", balance.Status.ToString(), Document(balance), EInvoiceColumn(invoice));
        }

        table.AddSeparator();
        var credits = invoices.OfType<CreditNote>().Count();
        var net = Money.Sum(invoices.Select(i => i.SignedTotal));
        table.Add(credits == 0 ? $"{invoices.Length} invoices" : $"{invoices.Length - credits} invoices, {credits} credit note{(credits == 1 ? "" : "s")}", credits == 0 ? "" : "net", SwedishFormat.Amount(net), "", "", "", "", "", "");
        table.WriteTo(writer);
        var refunds = documents.Where(d => d.RefundOwed > Money.Zero).ToArray();
        if (refunds.Length > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Refunds owed (book one paid out with: ./invoicing payments refund NUMBER --year Y --amount A --date D --reference R):");
            foreach (var balance in refunds)
            {
                writer.WriteLine($"  {balance.Document.Number} {balance.Document.DebtorCode} {DisplayText.Escape(balance.Document.DebtorName)}: {SwedishFormat.Amount(balance.RefundOwed)}");
            }
        }
    }

    /// <summary>"credit note to N", "supplementary to N", "credited A" on an ordinary invoice credit notes took something off, else empty.</summary>
    public static string Document(DocumentBalance balance) => balance.Document switch
    {
        CreditNote creditNote => $"credit note to {creditNote.Credits.Number}",
        Invoice { AddsTo: { } adds } => $"supplementary to {adds.Number}",
        _ => balance.Credited > Money.Zero ? $"credited {SwedishFormat.Amount(balance.Credited)}" : "",
    };
}
