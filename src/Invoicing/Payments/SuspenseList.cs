using Azure;
using Azure.Data.Tables;
using Invoicing.Invoices;
using Invoicing.Storage;

namespace Invoicing.Payments;

/// <summary>
/// Payments that matched no invoice stay here, visible, until someone books them by hand. Keyed by entry, so a
/// re-imported file adds nothing twice.
/// </summary>
public sealed class SuspenseList(InvoicingStorage storage, PaymentLedger ledger)
{
    private const string Booked = "booked";

    private TableClient Table => storage.Table(StorageNames.UnmatchedPayments);

    /// <summary>Adds the payment unless this entry is already on the list (open or booked). True when added.</summary>
    public async Task<bool> AddAsync(UnmatchedPayment payment, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        if (await FindAsync(payment.Id, cancellationToken) is not null)
        {
            return false;
        }

        try
        {
            await Table.AddEntityAsync(UnmatchedPaymentEntity.From(payment), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<UnmatchedPayment>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var open = new List<UnmatchedPayment>();
        await foreach (var e in Table.QueryAsync<UnmatchedPaymentEntity>(e => e.PartitionKey == UnmatchedPaymentEntity.Open, cancellationToken: cancellationToken))
        {
            open.Add(e.ToPayment());
        }

        return open.OrderBy(p => p.ReceivedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToArray();
    }

    public async Task<UnmatchedPayment?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        foreach (var partition in new[] { UnmatchedPaymentEntity.Open, Booked })
        {
            var found = await Table.GetEntityIfExistsAsync<UnmatchedPaymentEntity>(partition, id, cancellationToken: cancellationToken);
            if (found.HasValue)
            {
                return found.Value!.ToPayment();
            }
        }

        return null;
    }

    /// <summary>
    /// Books an open payment on an invoice by hand and closes it. Safe to repeat: the booking is keyed by the
    /// entry, so a retry after a crash books nothing twice and only finishes closing the entry.
    /// </summary>
    public async Task<BookingResult> BookAsync(string id, InvoiceKey invoice, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var open = await Table.GetEntityIfExistsAsync<UnmatchedPaymentEntity>(UnmatchedPaymentEntity.Open, id, cancellationToken: cancellationToken);
        if (!open.HasValue)
        {
            throw new InvalidPaymentException(await FindAsync(id, cancellationToken) is { BookedTo: { } to }
                ? $"Unmatched payment {id} is already booked, to invoice {to}."
                : $"There is no unmatched payment {id}.");
        }

        var entity = open.Value!;
        if (entity.AmountOre <= 0)
        {
            throw new InvalidPaymentException($"Unmatched payment {id} is money taken back ({new Money(entity.AmountOre)}: a deduction or reversal); book it in the finance system, not on an invoice.");
        }

        var payment = entity.ToPayment();
        var result = await ledger.BookAsync(
            invoice,
            new PaymentBooking(payment.EntryReference, payment.Source, payment.Amount, payment.PaidOn, $"booked by hand from the unmatched list ({payment.Reason})", payment.PayerName),
            cancellationToken);

        entity.PartitionKey = Booked;
        entity.BookedToScheme = invoice.Scheme.Value;
        entity.BookedToYear = invoice.Year;
        entity.BookedToNumber = invoice.Number.ToString();
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        await Table.DeleteEntityAsync(UnmatchedPaymentEntity.Open, id, ETag.All, cancellationToken);
        return result;
    }
}
