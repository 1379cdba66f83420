using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Payments;
using Microsoft.Extensions.Options;

namespace Invoicing.Accounting;

/// <summary>
/// A scheme's year for the accounting system: one voucher per issued invoice and per payment received on the
/// year's invoices, dated as the document, within the fiscal year (the calendar year) or a narrower period.
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

    /// <summary>Each invoice's issue, and each payment with what the invoice still asked before it (booking order).</summary>
    internal static IReadOnlyList<AccountingEvent> Events(IReadOnlyList<Invoice> issued, IReadOnlyList<PaymentRecord> received)
    {
        var byNumber = issued.ToDictionary(i => i.Number);
        var events = new List<AccountingEvent>(issued.Select(i => new InvoiceIssued(i)));
        foreach (var group in received.GroupBy(p => p.Invoice))
        {
            if (!byNumber.TryGetValue(group.Key, out var invoice))
            {
                throw new InvalidDataException($"Table Invoices: payment on invoice {group.Key}, which is not recorded.");
            }

            var due = invoice.Total;
            foreach (var payment in group.OrderBy(p => p.BookedAt).ThenBy(p => p.EntryReference, StringComparer.Ordinal))
            {
                events.Add(new PaymentReceived(invoice, payment, due));
                due -= payment.Amount;
            }
        }

        return events;
    }
}

/// <summary>The file's bytes and what it holds; <see cref="OutsidePeriod"/> counts documents dated outside the period, left out.</summary>
public sealed record SieExportResult(byte[] Bytes, SieFile File, DateOnly From, DateOnly To, int OutsidePeriod);
