using Invoicing.Csv;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Web.Contracts;

namespace Invoicing.Web.Exports;

/// <summary>
/// A year's invoices as the ledger file finance loads into its own system or opens in Excel, written as
/// <see cref="ExcelCsv"/> writes every such file (UTF-8 with a BOM, <c>;</c>, decimal comma, ISO dates, CRLF),
/// with a header row of Swedish column names. A credit note is a
/// row of its own (Typ <c>Kreditfaktura</c>, positive amount); a refund owed and a refund paid out are listed in
/// their own columns. Every figure is its chain's (<see cref="DocumentChain"/>), as the list and the page show it.
/// </summary>
public static class LedgerCsv
{
    public static IReadOnlyList<string> Header { get; } =
        ["Fakturanummer", "Kundkod", "Kund", "Fakturadatum", "Förfallodatum", "Belopp", "Betalt", "Kvar", "Status", "OCR",
            "Typ", "Avser faktura", "Krediterat", "Att återbetala", "Återbetalt"];

    public static byte[] Write(IEnumerable<DocumentBalance> documents, DateOnly today)
    {
        var csv = new ExcelCsv().Row(Header);
        foreach (var balance in documents)
        {
            var invoice = balance.Document;
            csv.Row([
                invoice.Number.ToString(),
                ExcelCsv.Text(invoice.DebtorCode.Value),
                ExcelCsv.Text(invoice.DebtorName),
                IsoDate.Format(invoice.IssueDate),
                // A credit note has no due date or OCR; its row shows what the file always has (its issue date, its number's OCR).
                IsoDate.Format(invoice is Invoice { DueDate: var due } ? due : invoice.IssueDate),
                ExcelCsv.Amount(invoice.Total),
                ExcelCsv.Amount(balance.Paid),
                ExcelCsv.Amount(balance.Remaining),
                InvoiceStanding.DisplayStatus(balance, today),
                (invoice is Invoice { Ocr: var ocr } ? ocr : invoice.Number.ToOcrReference()).Value,
                invoice.Kind.Title(),
                invoice.Corrects?.Number.ToString() ?? "",
                ExcelCsv.Amount(balance.Credited),
                ExcelCsv.Amount(balance.RefundOwed),
                ExcelCsv.Amount(balance.Refunded),
            ]);
        }

        return csv.ToBytes();
    }
}
