using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Payments;
using Microsoft.Extensions.Options;

namespace Invoicing.Accounting;

/// <summary>
/// One issuer's books for an accounting period: one voucher per invoice, supplementary invoice and credit note it
/// issued, and per payment received on them or reversed by the bank, dated as the document or the bank dated the
/// payment — whatever budget year or scheme the document belongs to. So January's file has January's payments of
/// last year's invoices, and December's the invoices issued in December for next year's budget.
/// Reads only; the same stored data and generation date always give the same bytes.
/// </summary>
public sealed class SieExport(BudgetStore budgets, InvoiceStore invoices, PaymentLedger payments, IOptions<SieOptions> options, IssuerDirectory issuers)
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
            inPeriod.Select(e => e.Invoice).OrderByDescending(d => d.Number).DistinctBy(d => d.DebtorCode).ToDictionary(d => d.DebtorCode, d => d.DebtorName),
            VoucherBuilder.Build(inPeriod, chart));
        return new SieExportResult(SieWriter.Write(file), file);
    }

    /// <summary>
    /// The issuer in whose books <paramref name="scheme"/>'s documents are; null when the scheme has no approved budget,
    /// so that a mistyped scheme does not quietly give the default issuer's books.
    /// </summary>
    public async Task<Issuer?> BooksOfAsync(SchemeId scheme, CancellationToken cancellationToken) =>
        (await budgets.ListApprovedAsync(cancellationToken)).Any(b => b.Scheme == scheme) ? issuers.For(scheme) : null;

    private async Task<(IReadOnlyList<Invoice> Issued, IReadOnlyList<PaymentRecord> Received)> LoadAsync(SchemeId scheme, int year, CancellationToken cancellationToken)
    {
        var issued = invoices.ListAsync(scheme, year, cancellationToken);
        var received = payments.ListYearAsync(scheme, year, cancellationToken);
        return (await issued, await received);
    }

    /// <summary>
    /// Each document's issue, and each payment and reversal with what its invoice still asked before it. Credit notes
    /// are taken off invoices as <see cref="InvoiceStore.AddCreditNoteAsync"/> took them (the corrected invoice first,
    /// then the party's other invoices of earlier revisions, newest first), and the result is checked against what
    /// each invoice records as credited. Per invoice, its payments and credits count in date order (on one day the
    /// credit note first, then payments in booking order); the issue always comes first, even when the bank dated a
    /// payment before it.
    /// </summary>
    /// <exception cref="InvalidDataException">The stored payments or credits do not add up to the stored invoices.</exception>
    internal static IReadOnlyList<AccountingEvent> Events(IReadOnlyList<Invoice> issued, IReadOnlyList<PaymentRecord> received)
    {
        var invoices = issued.Where(d => !d.IsCreditNote).OrderBy(d => d.Number).ToArray();
        var timelines = invoices.ToDictionary(i => i.Number, _ => new List<InvoiceChange>());
        var credited = new Dictionary<InvoiceNumber, Money>();
        foreach (var credit in issued.Where(d => d.IsCreditNote).OrderBy(d => d.Number))
        {
            var corrects = credit.Corrects?.Number
                ?? throw new InvalidDataException($"Table Invoices: credit note {credit.Number} names no invoice it corrects.");
            var candidates = invoices.Where(i => i.DebtorCode == credit.DebtorCode && i.Revision < credit.Revision).ToArray();
            var remaining = credit.Total;
            foreach (var invoice in candidates.Where(i => i.Number == corrects).Concat(candidates.Where(i => i.Number != corrects).OrderByDescending(i => i.Number)))
            {
                var open = invoice.Total - credited.GetValueOrDefault(invoice.Number);
                if (remaining == Money.Zero || open <= Money.Zero)
                {
                    continue;
                }

                var part = remaining < open ? remaining : open;
                credited[invoice.Number] = credited.GetValueOrDefault(invoice.Number) + part;
                timelines[invoice.Number].Add(new InvoiceChange(credit.IssueDate, 0, credit.Number.ToString(), credit, part, null));
                remaining -= part;
            }

            if (remaining != Money.Zero)
            {
                throw new InvalidDataException($"Table Invoices: credit note {credit.Number} credits {credit.Total}, more than {credit.DebtorCode}'s invoices of earlier revisions had left to credit.");
            }
        }

        foreach (var invoice in invoices.Where(i => i.Credited != credited.GetValueOrDefault(i.Number)))
        {
            throw new InvalidDataException(
                $"Table Invoices: invoice {invoice.Number} records {invoice.Credited} credited, but the credit notes to {invoice.DebtorCode} come to {credited.GetValueOrDefault(invoice.Number)} on it.");
        }

        foreach (var payment in received)
        {
            if (!timelines.TryGetValue(payment.Invoice, out var timeline))
            {
                throw new InvalidDataException($"Table Invoices: payment on invoice {payment.Invoice}, which is not recorded.");
            }

            var key = payment.BookedAt.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture) + payment.EntryReference;
            timeline.Add(new InvoiceChange(payment.PaidOn, 1, key, null, payment.Amount, payment));
        }

        var events = new List<AccountingEvent>(invoices.Select(i => new InvoiceIssued(i)));
        var creditParts = new Dictionary<InvoiceNumber, List<DueChange>>();
        foreach (var invoice in invoices)
        {
            var due = invoice.Total;
            foreach (var change in timelines[invoice.Number].OrderBy(c => c.Date).ThenBy(c => c.Order).ThenBy(c => c.Key, StringComparer.Ordinal))
            {
                if (change.Payment is { } payment)
                {
                    events.Add(new PaymentReceived(invoice, payment, due));
                }
                else
                {
                    var parts = creditParts.TryGetValue(change.Credit!.Number, out var list) ? list : creditParts[change.Credit.Number] = [];
                    parts.Add(new DueChange(invoice.Number, due, due - change.Amount));
                }

                due -= change.Amount;
            }
        }

        events.AddRange(issued.Where(d => d.IsCreditNote).Select(c => new CreditNoteIssued(c, creditParts.GetValueOrDefault(c.Number) ?? [])));
        return events;
    }

    /// <summary>A credit (part of a credit note) or a payment on one invoice, with the keys that order it.</summary>
    private sealed record InvoiceChange(DateOnly Date, int Order, string Key, Invoice? Credit, Money Amount, PaymentRecord? Payment);
}

/// <summary>The file's bytes and what it holds.</summary>
public sealed record SieExportResult(byte[] Bytes, SieFile File);
