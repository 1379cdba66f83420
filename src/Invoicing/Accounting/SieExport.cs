using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Payments;
using Microsoft.Extensions.Options;

namespace Invoicing.Accounting;

/// <summary>
/// A scheme's year for the accounting system: one voucher per issued invoice, supplementary invoice and credit
/// note, and per payment received on the year's invoices, reversed by the bank or refunded, dated as the document, within
/// the fiscal year (the calendar year) or a narrower period.
/// Reads only; the same stored data and generation date always give the same bytes.
/// </summary>
public sealed class SieExport(InvoiceStore invoices, PaymentLedger payments, IOptions<SieOptions> options, IssuerDirectory issuers)
{
    /// <exception cref="SieConfigurationException">The accounts are not configured.</exception>
    /// <exception cref="ArgumentException">The period is empty or not within the fiscal year.</exception>
    public async Task<SieExportResult> ExportAsync(SchemeId scheme, int year, DateOnly? from, DateOnly? to, DateOnly generatedOn, CancellationToken cancellationToken)
    {
        var chart = SieChart.FromOptions(options.Value);
        var seller = issuers.For(scheme);
        var fiscalStart = new DateOnly(year, 1, 1);
        var fiscalEnd = new DateOnly(year, 12, 31);
        var start = from ?? fiscalStart;
        var end = to ?? fiscalEnd;
        if (start > end || start < fiscalStart || end > fiscalEnd)
        {
            throw new ArgumentException(
                $"The period {IsoDate.Format(start)}–{IsoDate.Format(end)} must be a non-empty part of the fiscal year {IsoDate.Format(fiscalStart)}–{IsoDate.Format(fiscalEnd)}.");
        }

        var issued = await invoices.ListAsync(scheme, year, cancellationToken);
        var received = await payments.ListYearAsync(scheme, year, cancellationToken);
        var events = Events(issued, received);
        var inPeriod = events.Where(e => e.Date >= start && e.Date <= end).ToArray();
        var vouchers = VoucherBuilder.Build(inPeriod, chart);
        var file = new SieFile(
            string.IsNullOrWhiteSpace(options.Value.CompanyName) ? seller.Name : options.Value.CompanyName.Trim(),
            seller.OrganisationNumber,
            fiscalStart,
            fiscalEnd,
            generatedOn,
            chart,
            issued.GroupBy(i => i.DebtorCode).ToDictionary(g => g.Key, g => g.First().DebtorName),
            vouchers);
        return new SieExportResult(SieWriter.Write(file), file, start, end, events.Count - inPeriod.Length);
    }

    /// <summary>
    /// Each document's issue, and each payment, reversal and refund, with what its chain (<see cref="DocumentChain"/>:
    /// an invoice, its supplements and the credit notes naming them) still asked before it: a chain is one debt, so
    /// the receivables account ends at what the chains lack and the refunds-owed account at what they owe back, as the
    /// ledger file and the page say. Per chain, events count in date order (on one day the issuer's documents first,
    /// then payments in booking order); an invoice counts as issued no later than the first payment the bank dated on
    /// it, so a payment dated before its invoice was issued counts after the issue and before any later credit.
    /// </summary>
    /// <exception cref="InvalidDataException">The stored payments or credits do not add up to the stored invoices.</exception>
    internal static IReadOnlyList<AccountingEvent> Events(IReadOnlyList<Invoice> issued, IReadOnlyList<PaymentRecord> received)
    {
        var chains = DocumentChain.Of(issued);
        var firstPaid = received.GroupBy(p => p.Invoice).ToDictionary(g => g.Key, g => g.Min(p => p.PaidOn));
        var timelines = chains.ToDictionary(c => c, _ => new List<ChainChange>());
        var chainOf = new Dictionary<InvoiceNumber, DocumentChain>();
        foreach (var chain in chains)
        {
            foreach (var balance in chain.Balances.Where(b => !b.Invoice.IsCreditNote))
            {
                var invoice = balance.Invoice;
                if (invoice.Credited != balance.Credited)
                {
                    throw new InvalidDataException(
                        $"Table Invoices: invoice {invoice.Number} records {invoice.Credited} credited, but the credit notes to {invoice.DebtorCode} come to {balance.Credited} on it.");
                }

                chainOf[invoice.Number] = chain;
                var counted = firstPaid.TryGetValue(invoice.Number, out var paid) && paid < invoice.IssueDate ? paid : invoice.IssueDate;
                timelines[chain].Add(new ChainChange(counted, 0, invoice.Number.ToString(), invoice, invoice.Total, null));
            }

            foreach (var credit in chain.CreditNotes)
            {
                timelines[chain].Add(new ChainChange(credit.IssueDate, 0, credit.Number.ToString(), credit, -credit.Total, null));
            }
        }

        foreach (var payment in received)
        {
            if (!chainOf.TryGetValue(payment.Invoice, out var chain))
            {
                throw new InvalidDataException($"Table Invoices: payment on invoice {payment.Invoice}, which is not recorded.");
            }

            var invoice = chain.BalanceOf(payment.Invoice).Invoice;
            var key = payment.BookedAt.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture) + payment.EntryReference;
            timelines[chain].Add(new ChainChange(payment.PaidOn, 1, key, invoice, -payment.Amount, payment));
        }

        var events = new List<AccountingEvent>();
        foreach (var (chain, timeline) in timelines)
        {
            var due = Money.Zero;
            foreach (var change in timeline.OrderBy(c => c.Counted).ThenBy(c => c.Order).ThenBy(c => c.Key, StringComparer.Ordinal))
            {
                events.Add(change switch
                {
                    { Payment: { } payment } => new PaymentReceived(change.Document, payment, due),
                    { Document.IsCreditNote: true } => new CreditNoteIssued(change.Document, [new DueChange(chain.Root.Number, due, due + change.Amount)]),
                    _ => new InvoiceIssued(change.Document) { DueBefore = due },
                });
                due += change.Amount;
            }
        }

        return events;
    }

    /// <summary>
    /// A document's issue or a payment in its chain: <see cref="Amount"/> is what it adds to what the chain asks; it
    /// counts on <see cref="Counted"/> (its date; an invoice's issue no later than its first payment), then by kind and key.
    /// </summary>
    private sealed record ChainChange(DateOnly Counted, int Order, string Key, Invoice Document, Money Amount, PaymentRecord? Payment);
}

/// <summary>The file's bytes and what it holds; <see cref="OutsidePeriod"/> counts documents dated outside the period, left out.</summary>
public sealed record SieExportResult(byte[] Bytes, SieFile File, DateOnly From, DateOnly To, int OutsidePeriod);
