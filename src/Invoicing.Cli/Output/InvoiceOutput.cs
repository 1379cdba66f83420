using Invoicing.Invoices;

namespace Invoicing.Cli.Output;

/// <summary>
/// An invoice in <c>invoices list --json</c>. The field names and meanings are a documented, stable
/// contract (docs/cli.md): amounts in kronor as JSON numbers, dates as ISO strings.
/// </summary>
internal sealed record InvoiceOutput(
    string Number,
    string Scheme,
    int Year,
    string DebtorCode,
    string DebtorName,
    decimal Amount,
    decimal Net,
    decimal Vat,
    decimal AmountPaid,
    decimal AmountDue,
    string Ocr,
    string Status,
    string IssueDate,
    string DueDate,
    string BlobName,
    string PdfSha256,
    string? EInvoiceBlobName,
    string? EInvoiceSha256,
    string? EInvoiceMissingReason)
{
    public static InvoiceOutput From(Invoice invoice) => new(
        invoice.Number.ToString(),
        invoice.Scheme.Value,
        invoice.Year,
        invoice.DebtorCode.Value,
        invoice.DebtorName,
        invoice.Total.ToKronorDecimal(),
        invoice.Net.ToKronorDecimal(),
        invoice.Vat.ToKronorDecimal(),
        invoice.AmountPaid.ToKronorDecimal(),
        invoice.AmountDue.ToKronorDecimal(),
        invoice.Ocr.Value,
        invoice.Status.ToString(),
        IsoDate.Format(invoice.IssueDate),
        IsoDate.Format(invoice.DueDate),
        invoice.BlobName,
        invoice.PdfSha256,
        invoice.EInvoiceBlobName,
        invoice.EInvoiceSha256,
        invoice.EInvoiceMissingReason);

    /// <summary>"UBL", or why the invoice is PDF only, for the list's last column.</summary>
    public static string EInvoiceColumn(Invoice invoice) => invoice.EInvoiceBlobName is not null
        ? "UBL"
        : "PDF only: " + (invoice.EInvoiceMissingReason ?? "issued before e-invoices");

    public static void WriteTable(IReadOnlyList<Invoice> invoices, TextWriter writer)
    {
        var table = new TextTable(("Number", false), ("Debtor", false), ("Amount", true), ("OCR", false), ("Issued", false), ("Due", false), ("Status", false), ("E-invoice", false));
        foreach (var invoice in invoices)
        {
            table.Add(invoice.Number.ToString(), $"{invoice.DebtorCode} {invoice.DebtorName}", SwedishFormat.Amount(invoice.Total), invoice.Ocr.Value,
                SwedishFormat.Date(invoice.IssueDate), SwedishFormat.Date(invoice.DueDate), invoice.Status.ToString(), EInvoiceColumn(invoice));
        }

        table.AddSeparator();
        table.Add($"{invoices.Count} invoices", "", SwedishFormat.Amount(Money.Sum(invoices.Select(i => i.Total))), "", "", "", "", "");
        table.WriteTo(writer);
    }
}
