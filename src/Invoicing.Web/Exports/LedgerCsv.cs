using System.Text;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Web.Contracts;

namespace Invoicing.Web.Exports;

/// <summary>
/// A year's invoices as the ledger file finance loads into its own system or opens in Excel: UTF-8 with a BOM
/// (without it Excel reads å, ä, ö as two characters each), <c>;</c> between fields (Swedish Excel's list
/// separator, since the comma is the decimal sign), amounts with a decimal comma and no digit grouping
/// (<c>43035,00</c>), ISO dates, CRLF line ends, and a header row of Swedish column names. A credit note is a
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
        var text = new StringBuilder();
        AppendRow(text, Header);
        foreach (var balance in documents)
        {
            var invoice = balance.Invoice;
            AppendRow(text, [
                invoice.Number.ToString(),
                Text(invoice.DebtorCode.Value),
                Text(invoice.DebtorName),
                IsoDate.Format(invoice.IssueDate),
                IsoDate.Format(invoice.DueDate),
                Amount(invoice.Total),
                Amount(balance.Paid),
                Amount(balance.Remaining),
                InvoiceStanding.DisplayStatus(balance, today),
                invoice.Ocr.Value,
                invoice.Kind.Title(),
                invoice.Corrects?.Number.ToString() ?? "",
                Amount(balance.Credited),
                Amount(balance.RefundOwed),
                Amount(balance.Refunded),
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary><c>43035,00</c>; <c>-100,00</c> for an overpayment: a number to Excel, not text.</summary>
    internal static string Amount(Money money) => money.ToInvariantString().Replace('.', ',');

    /// <summary>
    /// A name or code, shown as <see cref="DisplayText"/> escapes it (a line break or a direction override cannot make
    /// a row of its own or turn a row around); a leading <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> would make Excel run
    /// it as a formula, so such a value gets a leading apostrophe and stays text.
    /// </summary>
    internal static string Text(string value)
    {
        var shown = DisplayText.Escape(value);
        return shown.Length > 0 && shown[0] is '=' or '+' or '-' or '@' ? "'" + shown : shown;
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(';');
            }

            text.Append(Quoted(fields[i]));
        }

        text.Append("\r\n");
    }

    /// <summary>Quotes a field only when it must be (RFC 4180): it holds the separator, a quote or a line break, or edge spaces.</summary>
    internal static string Quoted(string field) =>
        field.AsSpan().IndexOfAny(";\"\r\n") >= 0 || (field.Length > 0 && (char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])))
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
