using Azure;
using Azure.Data.Tables;
using Invoicing.Budgets;
using Invoicing.Parties;
using Invoicing.Storage;
using Polly;

namespace Invoicing.Issuing;

/// <summary>
/// The issuer's gapless invoice number series, one per budget year (so a run that crosses New Year stays
/// in the series it started). Numbers are taken by one entity group transaction that both advances the
/// counter (guarded by its ETag) and inserts the reservations for (scheme, debtor) — up to 99 documents at a
/// time: either all happen or none, so no number is skipped and no debtor gets two. Concurrent takers lose the
/// ETag race or an insert and simply read what the winner wrote.
/// </summary>
public sealed class InvoiceNumberSeries(InvoicingStorage storage, TimeProvider time)
{
    // Optimistic concurrency conflicts are the one thing here that nothing else retries.
    private static readonly ResiliencePipeline ConflictRetry = OptimisticConcurrency.Retry(409, 412);

    private TableClient Table => storage.Table(StorageNames.InvoiceNumbers);

    /// <summary>
    /// The reservations for many documents of one scheme and year, in the order asked: the existing ones, and new
    /// ones numbered in that order. New numbers are taken up to <see cref="MaxReservationsPerTransaction"/> at a
    /// time by one entity group transaction that advances the counter (ETag) and inserts their reservation rows,
    /// so the series stays gapless and each document gets one number however runs interleave: a concurrent taker
    /// loses the ETag race (412) or an insert (409), reads again, and takes only what is still missing. With
    /// <paramref name="known"/> (one per run, batch after batch) the first attempt starts from what the run's last
    /// call left instead of reading the scheme's reservations again.
    /// </summary>
    public async Task<IReadOnlyList<InvoiceReservation>> ReserveAllAsync(
        string issuerId, SchemeId scheme, int year, IReadOnlyList<NumberRequest> requests, CancellationToken cancellationToken, KnownReservations? known = null)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var partition = InvoiceReservationEntity.PartitionKeyFor(issuerId, year);
        var rowKeys = requests.Select(r => InvoiceReservationEntity.RowKeyFor(scheme, r)).ToArray();
        var firstAttempt = true;
        var taken = await ConflictRetry.ExecuteAsync(
            async ct =>
            {
                // After a conflict the series is read again: someone else took numbers.
                var remembered = firstAttempt ? known?.For(partition, scheme) : null;
                firstAttempt = false;
                var (counter, existing) = remembered ?? await ReadSchemeAsync(partition, scheme, ct);
                var missing = requests.Where((_, i) => !existing.ContainsKey(rowKeys[i]))
                    .DistinctBy(r => InvoiceReservationEntity.RowKeyFor(scheme, r))
                    .ToArray();
                foreach (var chunk in missing.Chunk(MaxReservationsPerTransaction))
                {
                    var actions = new List<TableTransactionAction>
                    {
                        counter.ETag == default
                            ? new TableTransactionAction(TableTransactionActionType.Add, counter)
                            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, counter, counter.ETag),
                    };
                    var added = new List<InvoiceReservationEntity>();
                    foreach (var request in chunk)
                    {
                        counter.LastSequence++;
                        var reservation = NewReservation(partition, scheme, year, request, counter.LastSequence);
                        added.Add(reservation);
                        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, reservation));
                    }

                    var responses = await Table.SubmitTransactionAsync(actions, ct);
                    foreach (var reservation in added)
                    {
                        existing[reservation.RowKey] = reservation;
                    }

                    // The next chunk advances the counter from the ETag this one left; without it, read it again.
                    counter.ETag = responses.Value[0].Headers.ETag
                        ?? (await Table.GetEntityAsync<InvoiceCounterEntity>(partition, InvoiceCounterEntity.Key, cancellationToken: ct)).Value.ETag;
                }

                known?.Remember(partition, scheme, counter, existing);
                return existing;
            },
            cancellationToken);
        return rowKeys.Select(key => taken[key].ToReservation(year)).ToArray();
    }

    /// <summary>
    /// At most 100 operations go in one entity group transaction: the counter's update and 99 reservations.
    /// </summary>
    public const int MaxReservationsPerTransaction = BatchingOptions.MaxDocumentsPerBatch;

    /// <summary>
    /// The counter (a new one, without ETag, when the series has none yet) and this scheme's reservations, by row
    /// key, in one query: its rows are <c>{scheme}:…</c>, and ':' + 1 is ';'.
    /// </summary>
    private async Task<(InvoiceCounterEntity Counter, Dictionary<string, InvoiceReservationEntity> Reservations)> ReadSchemeAsync(
        string partition, SchemeId scheme, CancellationToken cancellationToken)
    {
        var counter = new InvoiceCounterEntity { PartitionKey = partition };
        var reservations = new Dictionary<string, InvoiceReservationEntity>(StringComparer.Ordinal);
        var (from, to) = ($"{scheme}:", $"{scheme};");
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and (RowKey eq {InvoiceCounterEntity.Key} or (RowKey ge {from} and RowKey lt {to}))");
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (entity.RowKey == InvoiceCounterEntity.Key)
            {
                counter.LastSequence = entity.GetInt32(nameof(InvoiceCounterEntity.LastSequence)) ?? 0;
                counter.ETag = entity.ETag;
            }
            else
            {
                reservations[entity.RowKey] = InvoiceReservationEntity.From(entity);
            }
        }

        return (counter, reservations);
    }

    private InvoiceReservationEntity NewReservation(string partition, SchemeId scheme, int year, NumberRequest request, int sequence) => new()
    {
        PartitionKey = partition,
        RowKey = InvoiceReservationEntity.RowKeyFor(scheme, request),
        Scheme = scheme.Value,
        DebtorCode = request.Debtor.Value,
        Sequence = sequence,
        Number = new InvoiceNumber(year, sequence).ToString(),
        IssueDate = IsoDate.Format(request.IssueDate),
        DueDate = IsoDate.Format(request.DueDate),
        ReservedAt = time.GetUtcNow(),
        Voids = request.Voids?.ToString(),
        Reason = request.Voids is null ? null : request.Reason,
    };

    /// <summary>The reservation of the credit note voiding invoice <paramref name="voids"/> of <paramref name="debtor"/>, if a void was begun.</summary>
    public async Task<InvoiceReservation?> FindVoidAsync(string issuerId, SchemeId scheme, PartyCode debtor, InvoiceNumber voids, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var found = await Table.GetEntityIfExistsAsync<InvoiceReservationEntity>(
            InvoiceReservationEntity.PartitionKeyFor(issuerId, voids.Year), InvoiceReservationEntity.VoidRowKeyFor(scheme, debtor, voids), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.ToReservation(voids.Year) : null;
    }

    /// <summary>The reservation that holds this number (and so the scheme it was issued in), if any.</summary>
    public async Task<InvoiceReservation?> FindAsync(string issuerId, InvoiceNumber number, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var partition = InvoiceReservationEntity.PartitionKeyFor(issuerId, number.Year);
        var text = number.ToString();
        await foreach (var entity in Table.QueryAsync<InvoiceReservationEntity>(
            e => e.PartitionKey == partition && e.Number == text,
            cancellationToken: cancellationToken))
        {
            return entity.ToReservation(number.Year);
        }

        return null;
    }

    /// <summary>Every number taken in a year's series, in order: the audit that the series has no gap.</summary>
    public async Task<IReadOnlyList<InvoiceReservation>> ListAsync(string issuerId, int year, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var partition = InvoiceReservationEntity.PartitionKeyFor(issuerId, year);
        var reservations = new List<InvoiceReservation>();
        await foreach (var entity in Table.QueryAsync<InvoiceReservationEntity>(
            e => e.PartitionKey == partition && e.RowKey != InvoiceCounterEntity.Key,
            cancellationToken: cancellationToken))
        {
            reservations.Add(entity.ToReservation(year));
        }

        return reservations.OrderBy(r => r.Number).ToArray();
    }
}
