using Azure;
using Azure.Data.Tables;
using Invoicing.Audit;
using Invoicing.Invoices;
using Invoicing.Payments.BankFiles;
using Invoicing.Storage;

namespace Invoicing.Payments;

/// <summary>
/// Payments that matched no invoice stay here, visible, until someone books them by hand. Keyed by entry, so a
/// re-imported file adds nothing twice.
/// </summary>
public sealed class SuspenseList(InvoicingStorage storage, PaymentLedger ledger, AuditTrail audit, Issuers.IssuerDirectory issuers)
{
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
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }

        await audit.RecordAsync(Listed(payment), cancellationToken);
        return true;
    }

    /// <summary>The audit event of an entry put on the list, keyed by the entry: recorded once.</summary>
    private static AuditEntry Listed(UnmatchedPayment payment) =>
        new($"unmatched:{payment.Id}", AuditActions.UnmatchedListed,
            $"{payment.Kind} paid {IsoDate.Format(payment.PaidOn)} from {payment.Source}"
            + (payment.Reference is { } reference ? $", reference {reference}" : "")
            + (payment.PayerName is { } payer ? $", payer {payer}" : "")
            + $": {payment.Reason}")
        {
            Amount = payment.Amount,
        };

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

                    await audit.RecordAllAsync([.. batch.Select(Listed)], ct);
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
    /// The rows that bear on a file's entries: those of <paramref name="ids"/> (open, booked or recognised as the same
    /// as another) and those with any of <paramref name="fingerprints"/>, to recognise a payment listed before in
    /// another format. For a few entries one filtered query finds them; for many, reading the list's keys once is far
    /// fewer round trips.
    /// </summary>
    public async Task<SuspenseIndex> IndexAsync(IReadOnlyCollection<string> ids, IReadOnlyCollection<string> fingerprints, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        string? filter = null;
        if (ids.Count + fingerprints.Count <= LookUpByFilter)
        {
            if (ids.Count + fingerprints.Count == 0)
            {
                return new SuspenseIndex([]);
            }

            filter = string.Join(" or ",
                ids.Select(id => TableClient.CreateQueryFilter($"RowKey eq {id}"))
                    .Concat(fingerprints.Select(fingerprint => TableClient.CreateQueryFilter($"Fingerprint eq {fingerprint}"))));
        }

        var rows = new List<UnmatchedPaymentEntity>();
        var wantedIds = ids.ToHashSet(StringComparer.Ordinal);
        var wantedFingerprints = fingerprints.ToHashSet(StringComparer.Ordinal);
        await foreach (var row in Table.QueryAsync<UnmatchedPaymentEntity>(
            filter,
            select: ["PartitionKey", "RowKey", "EntryReference", "Source", "Fingerprint", "SameAs", "ReceivedAt"],
            cancellationToken: cancellationToken))
        {
            if (wantedIds.Contains(row.RowKey) || (row.Fingerprint is { } fingerprint && wantedFingerprints.Contains(fingerprint)))
            {
                rows.Add(row);
            }
        }

        return new SuspenseIndex([.. rows.OrderBy(r => r.ReceivedAt).ThenBy(r => r.RowKey, StringComparer.Ordinal).Select(r => new SuspenseIndex.Row(r.RowKey, r.PartitionKey, r.EntryReference, r.Source, r.Fingerprint, r.SameAs))]);
    }

    private const int LookUpByFilter = 20;

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

    /// <summary>
    /// The entries put on the list after <paramref name="after"/> and at or before <paramref name="until"/>, whether
    /// still open or booked by hand since (what the daily digest reports as new); not those recognised as the same
    /// payment as one listed before, which never were on the list.
    /// </summary>
    public async Task<IReadOnlyList<UnmatchedPayment>> ListReceivedAsync(DateTimeOffset after, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var listed = new List<UnmatchedPayment>();
        await foreach (var e in Table.QueryAsync<UnmatchedPaymentEntity>(
            TableClient.CreateQueryFilter(
                $"(PartitionKey eq {UnmatchedPaymentEntity.Open} or PartitionKey eq {UnmatchedPaymentEntity.Booked}) and ReceivedAt gt {after} and ReceivedAt le {until}"),
            cancellationToken: cancellationToken))
        {
            listed.Add(e.ToPayment());
        }

        return listed.OrderBy(p => p.ReceivedAt).ThenBy(p => p.Id, StringComparer.Ordinal).ToArray();
    }

    public async Task<UnmatchedPayment?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        foreach (var partition in new[] { UnmatchedPaymentEntity.Open, UnmatchedPaymentEntity.Booked, UnmatchedPaymentEntity.Same })
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
    /// Books an open payment on an invoice by hand and closes it — only on an invoice of the issuer whose account the
    /// money reached (<see cref="PaymentAcceptance.CheckAccount"/>). Safe to repeat: the booking is keyed by the
    /// entry, so a retry after a crash books nothing twice and only finishes closing the entry.
    /// </summary>
    public async Task<BookingResult> BookAsync(string id, InvoiceKey invoice, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var open = await Table.GetEntityIfExistsAsync<UnmatchedPaymentEntity>(UnmatchedPaymentEntity.Open, id, cancellationToken: cancellationToken);
        if (!open.HasValue)
        {
            throw await FindAsync(id, cancellationToken) is { BookedTo: { } to }
                ? new InvalidPaymentException(
                    $"Unmatched payment {id} is already booked, to invoice {to}.",
                    $"Den ej matchade betalningen {id} är redan bokförd, på faktura {to}.")
                : new InvalidPaymentException(
                    $"There is no unmatched payment {id}.",
                    $"Det finns ingen ej matchad betalning {id}.");
        }

        var entity = open.Value!;
        var payment = entity.ToPayment();
        PaymentAcceptance.CheckAccount(invoice, payment.ReceivingAccount, issuers.For(invoice.Scheme));
        // The note is the ledger's, shown on the finance page and the statement: in Swedish, as they are.
        var booking = new PaymentBooking(payment.EntryReference, payment.Source, payment.Amount, payment.PaidOn, $"bokförd för hand från listan över ej matchade betalningar ({payment.SwedishReason ?? payment.Reason})", payment.PayerName)
        {
            Key = payment.Id,
            Fingerprint = payment.Fingerprint,
            FileId = payment.FileId,
        };
        var result = payment.Kind switch
        {
            BankEntryKind.Payment when payment.Amount > Money.Zero => await ledger.BookAsync(invoice, booking, cancellationToken),
            BankEntryKind.Deduction => await ledger.DeductAsync(invoice, booking with { Amount = -payment.Amount, Note = $"avdrag reglerat för hand från listan över ej matchade betalningar ({payment.SwedishReason ?? payment.Reason})" }, cancellationToken),
            BankEntryKind.ReturnedDebit => throw new InvalidPaymentException(
                $"Unmatched payment {id} is money of ours coming back ({payment.Amount}: a returned debit), not a payer's payment; book it in the finance system, not on an invoice.",
                $"Den ej matchade betalningen {id} är våra egna pengar som kommer tillbaka ({payment.Amount}: en återförd debitering), inte en betalning från en betalare; bokför den i ekonomisystemet, inte på en faktura."),
            _ => throw new InvalidPaymentException(
                $"Unmatched payment {id} is money taken back ({payment.Amount}: a reversal); book it in the finance system, not on an invoice.",
                $"Den ej matchade betalningen {id} är pengar som har tagits tillbaka ({payment.Amount}: en återföring); bokför den i ekonomisystemet, inte på en faktura."),
        };

        entity.PartitionKey = UnmatchedPaymentEntity.Booked;
        entity.BookedToScheme = invoice.Scheme.Value;
        entity.BookedToYear = invoice.Year;
        entity.BookedToNumber = invoice.Number.ToString();
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        await Table.DeleteEntityAsync(UnmatchedPaymentEntity.Open, id, ETag.All, cancellationToken);
        return result;
    }
}
