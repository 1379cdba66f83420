namespace Invoicing.Accounting;

/// <summary>
/// Turns accounting events into balanced vouchers on the configured accounts, numbered per series in date
/// order. Pure and deterministic: the same events give the same vouchers.
/// </summary>
public static class VoucherBuilder
{
    /// <summary>Series of invoice vouchers (<c>F</c>aktura).</summary>
    public const string InvoiceSeries = "F";

    /// <summary>Series of payment vouchers (<c>I</c>nbetalning).</summary>
    public const string PaymentSeries = "I";

    public static IReadOnlyList<Voucher> Build(IEnumerable<AccountingEvent> events, SieChart chart)
    {
        var ordered = events
            .OrderBy(e => e.Date)
            .ThenBy(e => e.Order)
            .ThenBy(e => e.Invoice.Number)
            .ThenBy(e => e.Tiebreak, StringComparer.Ordinal);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var vouchers = new List<Voucher>();
        foreach (var e in ordered)
        {
            var (series, text, rows) = Describe(e, chart);
            var number = numbers[series] = numbers.GetValueOrDefault(series) + 1;
            var voucher = new Voucher(series, number, e.Date, text, rows);
            if (voucher.Balance != Money.Zero)
            {
                throw new InvalidOperationException($"Voucher {series} {number} ({text}) does not balance: {voucher.Balance}.");
            }

            vouchers.Add(voucher);
        }

        return vouchers;
    }

    private static (string Series, string Text, IReadOnlyList<VoucherRow> Rows) Describe(AccountingEvent e, SieChart chart)
    {
        var invoice = e.Invoice;
        var party = invoice.DebtorCode;
        var who = $"{invoice.DebtorName} ({party})";
        switch (e)
        {
            case InvoiceIssued:
                return (InvoiceSeries, $"Faktura {invoice.Number} {who}",
                [
                    new VoucherRow(chart.Receivables, invoice.Total, party),
                    new VoucherRow(chart.ContributionIncome, -invoice.Total, party),
                ]);
            case PaymentReceived payment:
                // What settles the invoice clears the receivable; anything beyond what it still asked is owed back.
                var settles = payment.DueBefore <= Money.Zero ? Money.Zero
                    : payment.Payment.Amount < payment.DueBefore ? payment.Payment.Amount
                    : payment.DueBefore;
                var excess = payment.Payment.Amount - settles;
                var rows = new List<VoucherRow> { new(chart.Bank, payment.Payment.Amount, null) };
                if (settles > Money.Zero)
                {
                    rows.Add(new VoucherRow(chart.Receivables, -settles, party));
                }

                if (excess > Money.Zero)
                {
                    rows.Add(new VoucherRow(chart.RefundsOwed, -excess, party));
                }

                return (PaymentSeries, $"Inbetalning {invoice.Number} {who}", rows);
            default:
                throw new InvalidOperationException($"No voucher rule for {e.GetType().Name}.");
        }
    }
}
