namespace Invoicing.Accounting;

/// <summary>
/// Turns accounting events into balanced vouchers on the configured accounts, in date order. Pure and
/// deterministic: the same events give the same vouchers.
/// <para>
/// Every rule is one shape: a counter row (income for a document, bank for a payment) and, for each invoice the
/// event changes, the change of its receivable (what it still asks for) and of the refund owed on it (what was paid
/// beyond that). So a credit on a paid invoice books a refund owed, a payment beyond what is due books the excess as
/// owed back, a reversal takes back first what was owed back, then raises the receivable again, and a refund paid out
/// debits the refund owed against the bank.
/// </para>
/// </summary>
public static class VoucherBuilder
{
    /// <summary>
    /// Series of the issuer's documents (<c>F</c>aktura): invoices, supplementary invoices and credit notes share one
    /// number series, so they share one voucher series.
    /// </summary>
    public const string InvoiceSeries = "F";

    /// <summary>Series of the bank's events (<c>I</c>nbetalning): payments received, their reversals, and refunds paid out.</summary>
    public const string PaymentSeries = "I";

    public static IReadOnlyList<Voucher> Build(IEnumerable<AccountingEvent> events, SieChart chart)
    {
        var ordered = events
            .OrderBy(e => e.Date)
            .ThenBy(e => e.Order)
            .ThenBy(e => e.Document.Number)
            .ThenBy(e => e.Tiebreak, StringComparer.Ordinal);
        var vouchers = new List<Voucher>();
        foreach (var e in ordered)
        {
            var (kind, series, text, rows) = Describe(e, chart);
            var voucher = new Voucher(series, e.Date, text, rows) { Kind = kind };
            if (voucher.Balance != Money.Zero)
            {
                throw new InvalidOperationException($"Voucher {series} {IsoDate.Format(e.Date)} ({text}) does not balance: {voucher.Balance}.");
            }

            vouchers.Add(voucher);
        }

        return vouchers;
    }

    private static (VoucherKind Kind, string Series, string Text, IReadOnlyList<VoucherRow> Rows) Describe(AccountingEvent e, SieChart chart)
    {
        var document = e.Document;
        var party = document.DebtorCode;
        var who = $"{document.DebtorName} ({party})";
        switch (e)
        {
            case InvoiceIssued issued:
                var text = document.Corrects is { } adds
                    ? $"Tilläggsfaktura {document.Number} till faktura {adds.Number} {who}"
                    : $"Faktura {document.Number} {who}";
                return (VoucherKind.Invoice, InvoiceSeries, text,
                    Rows(new VoucherRow(chart.ContributionIncome, -document.SignedTotal, party), [issued.Change], party, chart, bankFirst: false));
            case CreditNoteIssued credit:
                return (VoucherKind.CreditNote, InvoiceSeries, $"Kreditfaktura {document.Number} till faktura {credit.CreditNote.Credits.Number} {who}",
                    Rows(new VoucherRow(chart.ContributionIncome, -document.SignedTotal, party), credit.Parts, party, chart, bankFirst: false));
            case PaymentReceived { IsRefund: true } refund:
                return (VoucherKind.Refund, PaymentSeries, $"Återbetalning {document.Number} {who}{Late(refund.Payment)}",
                    Rows(new VoucherRow(chart.Bank, refund.Payment.Amount, null), [refund.Change], party, chart, bankFirst: true));
            case PaymentReceived payment:
                return payment.IsReversal
                    ? (VoucherKind.Reversal, PaymentSeries, $"Återförd inbetalning {document.Number} {who}{Late(payment.Payment)}",
                        Rows(new VoucherRow(chart.Bank, payment.Payment.Amount, null), [payment.Change], party, chart, bankFirst: true))
                    : (VoucherKind.Payment, PaymentSeries, $"Inbetalning {document.Number} {who}{Late(payment.Payment)}",
                        Rows(new VoucherRow(chart.Bank, payment.Payment.Amount, null), [payment.Change], party, chart, bankFirst: true));
            default:
                throw new InvalidOperationException($"No voucher rule for {e.GetType().Name}.");
        }
    }

    /// <summary>A payment booked after its month was closed keeps its real date in the voucher's text.</summary>
    private static string Late(Invoices.PaymentRecord payment) =>
        payment.AccountingDate == payment.PaidOn ? "" : $" (betald {IsoDate.Format(payment.PaidOn)}, bokförd i öppen period)";

    /// <summary>
    /// The receivable's change, the refund owed's change (a credit, so negative when more is owed back) and the counter
    /// row that balances them, leaving out zero rows. A payment's voucher starts with the bank row, a document's ends
    /// with the income row.
    /// </summary>
    private static List<VoucherRow> Rows(VoucherRow counter, IReadOnlyList<DueChange> changes, Parties.PartyCode party, SieChart chart, bool bankFirst)
    {
        var receivable = Money.Sum(changes.Select(c => c.Receivable));
        var refundOwed = Money.Sum(changes.Select(c => c.RefundOwed));
        var rows = new List<VoucherRow>();
        if (bankFirst)
        {
            rows.Add(counter);
        }

        if (receivable != Money.Zero)
        {
            rows.Add(new VoucherRow(chart.Receivables, receivable, party));
        }

        if (refundOwed != Money.Zero)
        {
            rows.Add(new VoucherRow(chart.RefundsOwed, -refundOwed, party));
        }

        if (!bankFirst)
        {
            rows.Add(counter);
        }

        return rows;
    }
}
