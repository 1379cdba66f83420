using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Payments;
using Microsoft.Extensions.Options;

namespace Invoicing.Accounting;

/// <summary>
/// One issuer's books for an accounting period: one voucher per invoice, supplementary invoice and credit note it
/// issued, and per payment received on them, reversed by the bank or refunded, dated as the document or the bank dated
/// the payment (or the first open day, when finance had closed the payment's month before it was booked: so a closed
/// month's vouchers never change) — whatever budget year or scheme the document belongs to. So January's file has January's payments of
/// last year's invoices, and December's the invoices issued in December for next year's budget.
/// Reads only; the same stored data and generation date always give the same bytes.
/// </summary>
public sealed class SieExport(BudgetStore budgets, InvoiceStore invoices, PaymentHistory payments, IOptions<SieOptions> options, IssuerDirectory issuers)
{
    /// <exception cref="SieConfigurationException">The accounts are not configured.</exception>
    public async Task<SieExportResult> ExportAsync(SieSelection selection, DateOnly generatedOn, CancellationToken cancellationToken)
    {
        var chart = SieChart.FromOptions(options.Value);
        var issuer = selection.Issuer;

        // A document's vouchers may fall in any period after it was issued (a payment years later), so every budget
        // of the issuer's schemes is read; each budget's credits and payments only ever touch its own documents.
        var books = (await budgets.ListApprovedAsync(cancellationToken))
            .Where(b => selection.Includes(b.Scheme, b.Year) && issuers.For(b.Scheme).Id == issuer.Id)
            .ToArray();
        var loaded = await Task.WhenAll(books.Select(b => LoadAsync(b.Scheme, b.Year, cancellationToken)));

        var inPeriod = loaded.SelectMany(b => Events(b.Issued, b.Received)).Where(e => selection.Period.Contains(e.Date)).ToArray();
        var file = new SieFile(
            string.IsNullOrWhiteSpace(options.Value.CompanyName) ? issuer.Name : options.Value.CompanyName.Trim(),
            issuer.OrganisationNumber,
            selection.Period,
            generatedOn,
            chart,
            // A party renamed between years is named as on its latest document.
            inPeriod.Select(e => e.Document).OrderByDescending(d => d.Number).DistinctBy(d => d.DebtorCode).ToDictionary(d => d.DebtorCode, d => d.DebtorName),
            VoucherBuilder.Build(inPeriod, chart));
        return new SieExportResult(SieWriter.Write(file), file);
    }

    /// <summary>
    /// The issuer in whose books <paramref name="scheme"/>'s documents are; null when the scheme has no approved budget,
    /// so that a mistyped scheme does not quietly give the default issuer's books.
    /// </summary>
    public async Task<Issuer?> BooksOfAsync(SchemeId scheme, CancellationToken cancellationToken) =>
        (await budgets.ListApprovedAsync(cancellationToken)).Any(b => b.Scheme == scheme) ? issuers.For(scheme) : null;

    private async Task<(IReadOnlyList<IssuedDocument> Issued, IReadOnlyList<PaymentRecord> Received)> LoadAsync(SchemeId scheme, int year, CancellationToken cancellationToken)
    {
        var issued = invoices.ListAsync(scheme, year, cancellationToken);
        var received = payments.ListYearAsync(scheme, year, cancellationToken);
        return (await issued, await received);
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
    internal static IReadOnlyList<AccountingEvent> Events(IReadOnlyList<IssuedDocument> issued, IReadOnlyList<PaymentRecord> received)
    {
        var chains = DocumentChain.Of(issued);
        var firstPaid = received.GroupBy(p => p.Invoice).ToDictionary(g => g.Key, g => g.Min(p => p.AccountingDate));
        var timelines = chains.ToDictionary(c => c, _ => new List<ChainChange>());
        var chainOf = new Dictionary<InvoiceNumber, DocumentChain>();
        foreach (var chain in chains)
        {
            foreach (var balance in chain.InvoiceBalances)
            {
                var invoice = balance.Invoice;
                if (invoice.Credited != balance.Credited)
                {
                    throw new InvalidDataException(
                        $"Table Invoices: invoice {invoice.Number} records {invoice.Credited} credited, but the credit notes to {invoice.DebtorCode} come to {balance.Credited} on it.");
                }

                chainOf[invoice.Number] = chain;
                var counted = firstPaid.TryGetValue(invoice.Number, out var paid) && paid < invoice.IssueDate ? paid : invoice.IssueDate;
                timelines[chain].Add(new ChainChange(counted, 0, invoice.Number.ToString(), invoice.SignedTotal, due => new InvoiceIssued(invoice) { DueBefore = due }));
            }

            foreach (var credit in chain.CreditNotes)
            {
                timelines[chain].Add(new ChainChange(
                    credit.IssueDate, 0, credit.Number.ToString(), credit.SignedTotal, due => new CreditNoteIssued(credit, [new DueChange(chain.Root.Number, due, due + credit.SignedTotal)])));
            }
        }

        foreach (var payment in received)
        {
            if (!chainOf.TryGetValue(payment.Invoice, out var chain))
            {
                throw new InvalidDataException($"Table Invoices: payment on invoice {payment.Invoice}, which is not recorded.");
            }

            var invoice = chain.InvoiceBalanceOf(payment.Invoice).Invoice;
            var key = payment.BookedAt.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture) + payment.EntryReference;
            timelines[chain].Add(new ChainChange(payment.AccountingDate, 1, key, -payment.Amount, due => new PaymentReceived(invoice, payment, due)));
        }

        var events = new List<AccountingEvent>();
        foreach (var (chain, timeline) in timelines)
        {
            var due = Money.Zero;
            foreach (var change in timeline.OrderBy(c => c.Counted).ThenBy(c => c.Order).ThenBy(c => c.Key, StringComparer.Ordinal))
            {
                events.Add(change.Event(due));
                due += change.Amount;
            }
        }

        return events;
    }

    /// <summary>
    /// A document's issue or a payment in its chain: <see cref="Amount"/> is what it adds to what the chain asks (a
    /// document's <see cref="IssuedDocument.SignedTotal"/>, a payment's amount taken off); it counts on
    /// <see cref="Counted"/> (its date; an invoice's issue no later than its first payment), then by kind and key.
    /// <see cref="Event"/> makes its event from what the chain asked before it.
    /// </summary>
    private sealed record ChainChange(DateOnly Counted, int Order, string Key, Money Amount, Func<Money, AccountingEvent> Event);
}

/// <summary>The file's bytes and what it holds.</summary>
public sealed record SieExportResult(byte[] Bytes, SieFile File);
