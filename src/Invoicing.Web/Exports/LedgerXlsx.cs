using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Reports;
using Invoicing.Web.Contracts;

namespace Invoicing.Web.Exports;

/// <summary>
/// The ledger and the aging report as Excel files (<see cref="XlsxSheet"/>): the same columns and figures as the ledger
/// CSV (<see cref="LedgerCsv"/>) and the aging report's table, with numbers as numbers and dates as dates.
/// </summary>
public static class LedgerXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly XlsxKind[] LedgerKinds =
    [
        XlsxKind.Text, XlsxKind.Text, XlsxKind.Text, XlsxKind.Date, XlsxKind.Date, XlsxKind.Amount, XlsxKind.Amount, XlsxKind.Amount,
        XlsxKind.Text, XlsxKind.Text, XlsxKind.Text, XlsxKind.Text, XlsxKind.Amount, XlsxKind.Amount, XlsxKind.Amount,
    ];

    private static readonly double[] LedgerWidths = [14, 11, 30, 13, 14, 14, 14, 14, 14, 14, 14, 14, 13, 14, 13];

    /// <summary>A year's documents, one row each in number order; a credit note has no due date, so its cell is empty.</summary>
    public static byte[] Ledger(IEnumerable<DocumentBalance> documents, DateOnly today)
    {
        var sheet = new XlsxSheet("Reskontra", [.. LedgerCsv.Header.Select((h, i) => new XlsxColumn(h, LedgerKinds[i], LedgerWidths[i]))]);
        foreach (var balance in documents)
        {
            var invoice = balance.Document;
            sheet.Add(
                invoice.Number.ToString(),
                invoice.DebtorCode.Value,
                invoice.DebtorName,
                invoice.IssueDate,
                (invoice as Invoice)?.DueDate,
                invoice.Total,
                balance.Paid,
                balance.Remaining,
                InvoiceStanding.DisplayStatus(balance, today),
                (invoice as Invoice)?.Ocr.Value,
                invoice.Kind.Title(),
                invoice.Corrects?.Number.ToString(),
                balance.Credited,
                balance.RefundOwed,
                balance.Refunded);
        }

        return sheet.Write();
    }

    /// <summary>The aging report: a row per debtor with money due, kronor per bucket, and a totals row.</summary>
    public static byte[] Aging(AgingReport report)
    {
        var sheet = new XlsxSheet(
            "Åldersanalys",
            [
                new("Kundkod", XlsxKind.Text, 11),
                new("Kund", XlsxKind.Text, 30),
                .. AgingBuckets.All.Select(b => new XlsxColumn(AgingBuckets.SwedishName(b), XlsxKind.Amount, 15)),
                new("Totalt", XlsxKind.Amount, 15),
            ]);
        foreach (var row in report.Rows)
        {
            sheet.Add([row.DebtorCode.Value, row.DebtorName, .. Amounts(row.Amounts)]);
        }

        sheet.AddTotal([$"Per {IsoDate.Format(report.AsOf)}", "Summa", .. Amounts(report.Totals)]);
        return sheet.Write();
    }

    /// <summary>
    /// A party's statement: a row per entry in date order with debit, credit and the running balance, and a closing
    /// row stating what is to pay (or to be paid back), as the PDF shows it.
    /// </summary>
    public static byte[] Statement(Statement statement)
    {
        var sheet = new XlsxSheet(
            "Kontoutdrag",
            [
                new("Datum", XlsxKind.Date, 12),
                new("Dokument", XlsxKind.Text, 12),
                new("Text", XlsxKind.Text, 50),
                new("Debet", XlsxKind.Amount, 15),
                new("Kredit", XlsxKind.Amount, 15),
                new("Saldo", XlsxKind.Amount, 15),
            ]);
        foreach (var entry in statement.Entries)
        {
            sheet.Add(entry.Date, entry.Document.ToString(), entry.Text, entry.Debit, entry.Credit, entry.Balance);
        }

        var closing = statement.Closing < Money.Zero ? "Att återbetala" : "Att betala";
        sheet.AddTotal(null, null, $"{closing} per {IsoDate.Format(statement.AsOf)}", null, null, statement.Closing < Money.Zero ? statement.RefundOwed : statement.Due);
        return sheet.Write();
    }

    private static object?[] Amounts(AgingAmounts amounts) => [.. AgingBuckets.All.Select(b => (object?)amounts[b]), amounts.Total];
}
