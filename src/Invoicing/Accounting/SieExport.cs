using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Payments;
using Microsoft.Extensions.Options;

namespace Invoicing.Accounting;

/// <summary>
/// A scheme's year for the accounting system: one voucher per issued invoice, supplementary invoice and credit
/// note, and per payment received on the year's invoices or reversed by the bank, dated as the document, within
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

/// <summary>The file's bytes and what it holds; <see cref="OutsidePeriod"/> counts documents dated outside the period, left out.</summary>
public sealed record SieExportResult(byte[] Bytes, SieFile File, DateOnly From, DateOnly To, int OutsidePeriod);
