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

    /// <summary>
    /// Adds the payments that are not on the list yet, a hundred per entity group transaction; returns the ids
    /// added. The caller has checked (<see cref="ListedAsync"/>) that none is listed: should one be added
    /// concurrently after all, its batch is added one by one instead, each as <see cref="AddAsync(UnmatchedPayment, CancellationToken)"/> does.
    /// </summary>
    public async Task<IReadOnlySet<string>> AddAsync(IReadOnlyList<UnmatchedPayment> payments, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var added = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var batches = payments.DistinctBy(p => p.Id, StringComparer.Ordinal).Chunk(TableBatches.MaxActions).ToList();
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                try
                {
                    await Table.SubmitTransactionAsync(batch.Select(p => new TableTransactionAction(TableTransactionActionType.Add, UnmatchedPaymentEntity.From(p))), ct);
                    foreach (var payment in batch)
                    {
                        added[payment.Id] = true;
                    }
                }
                catch (TableTransactionFailedException e) when (e.Status == 409)
                {
                    foreach (var payment in batch)
                    {
                        if (await AddAsync(payment, ct))
                        {
                            added[payment.Id] = true;
                        }
                    }
                }
            });
        return added.Keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Which of <paramref name="ids"/> are on the list, open or booked. A few are looked up one by one; for many,
    /// reading the list's keys once is far fewer round trips than two reads per entry.
    /// </summary>
    public async Task<IReadOnlySet<string>> ListedAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        if (ids.Count <= LookUpOneByOne)
        {
            foreach (var id in ids)
            {
                if (await FindAsync(id, cancellationToken) is not null)
                {
                    listed.Add(id);
                }
            }

            return listed;
        }

        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        await foreach (var e in Table.QueryAsync<TableEntity>(select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (wanted.Contains(e.RowKey))
            {
                listed.Add(e.RowKey);
            }
        }

        return listed;
    }

    private const int LookUpOneByOne = 10;

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
