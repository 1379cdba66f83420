using Invoicing.Documents;
using Invoicing.Invoices;

namespace Invoicing.Cli.Output;

/// <summary>
/// A document in <c>invoices list --json</c>. The field names and meanings are a documented, stable
/// contract (docs/cli.md): amounts in kronor as JSON numbers (always positive; <c>kind</c> says which way),
/// dates as ISO strings.
/// </summary>
internal sealed record InvoiceOutput(
    string Number,
    string Kind,
    string? Corrects,
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
    decimal Credited,
    decimal RefundOwed)
{
    public static InvoiceOutput From(Invoice invoice) => new(
        invoice.Number.ToString(),
        invoice.Kind.ToText(),
        invoice.Corrects?.Number.ToString(),
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
        invoice.Credited.ToKronorDecimal(),
        invoice.RefundOwed.ToKronorDecimal());

    public static void WriteTable(IReadOnlyList<Invoice> invoices, TextWriter writer)
    {
        var table = new TextTable(("Number", false), ("Debtor", false), ("Amount", true), ("OCR", false), ("Issued", false), ("Due", false), ("Status", false), ("Document", false));
        foreach (var invoice in invoices)
        {
            table.Add(invoice.Number.ToString(), $"{invoice.DebtorCode} {invoice.DebtorName}", SwedishFormat.Amount(invoice.Total), invoice.IsCreditNote ? "" : invoice.Ocr.Value,
                SwedishFormat.Date(invoice.IssueDate), invoice.IsCreditNote ? "" : SwedishFormat.Date(invoice.DueDate), invoice.Status.ToString(), Document(invoice));
        }

        table.AddSeparator();
        var credits = invoices.Count(i => i.IsCreditNote);
        var net = Money.Sum(invoices.Select(i => i.IsCreditNote ? -i.Total : i.Total));
        table.Add(credits == 0 ? $"{invoices.Count} invoices" : $"{invoices.Count - credits} invoices, {credits} credit note{(credits == 1 ? "" : "s")}", credits == 0 ? "" : "net", SwedishFormat.Amount(net), "", "", "", "", "");
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
