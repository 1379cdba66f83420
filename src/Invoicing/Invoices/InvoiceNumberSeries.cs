using Azure;
using Azure.Data.Tables;
using Invoicing.Budgets;
using Invoicing.Parties;
using Invoicing.Storage;
using Polly;

namespace Invoicing.Invoices;

/// <summary>
/// The issuer's gapless invoice number series, one per budget year (so a run that crosses New Year stays
/// in the series it started). A number is taken by one entity group transaction that both advances the
/// counter (guarded by its ETag) and inserts the reservation for (scheme, debtor): either both happen or
/// neither, so no number is skipped and no debtor gets two. Concurrent takers lose the ETag race or the
/// insert and simply read what the winner wrote.
/// </summary>
public sealed class InvoiceNumberSeries(InvoicingStorage storage, TimeProvider time)
{
    // Optimistic concurrency conflicts are the one thing here that nothing else retries.
    private static readonly ResiliencePipeline ConflictRetry = OptimisticConcurrency.Retry(409, 412);

    private TableClient Table => storage.Table(StorageNames.InvoiceNumbers);

    /// <summary>
    /// The reservation for (scheme, year, debtor, revision): the existing one, or a new one with the next number
    /// and the given dates. Change documents (revision ≥ 1) take their numbers from the same series.
    /// </summary>
    public async Task<InvoiceReservation> ReserveAsync(
        string issuerId,
        SchemeId scheme,
        int year,
        PartyCode debtor,
        DateOnly issueDate,
        DateOnly dueDate,
        CancellationToken cancellationToken,
        int revision = 0)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var partition = InvoiceReservationEntity.PartitionKeyFor(issuerId, year);
        var rowKey = InvoiceReservationEntity.RowKeyFor(scheme, debtor, revision);
        return await ConflictRetry.ExecuteAsync(
            async ct =>
            {
                var existing = await Table.GetEntityIfExistsAsync<InvoiceReservationEntity>(partition, rowKey, cancellationToken: ct);
                if (existing.HasValue)
                {
                    return existing.Value!.ToReservation(year);
                }

                var counterResponse = await Table.GetEntityIfExistsAsync<InvoiceCounterEntity>(partition, InvoiceCounterEntity.Key, cancellationToken: ct);
                var counter = counterResponse.HasValue ? counterResponse.Value! : new InvoiceCounterEntity { PartitionKey = partition };
                var sequence = counter.LastSequence + 1;
                var number = new InvoiceNumber(year, sequence);
                counter.LastSequence = sequence;
                var reservation = new InvoiceReservationEntity
                {
                    PartitionKey = partition,
                    RowKey = rowKey,
                    Scheme = scheme.Value,
                    DebtorCode = debtor.Value,
                    Sequence = sequence,
                    Number = number.ToString(),
                    IssueDate = IsoDate.Format(issueDate),
                    DueDate = IsoDate.Format(dueDate),
                    ReservedAt = time.GetUtcNow(),
                };
                await Table.SubmitTransactionAsync(
                    [
                        counterResponse.HasValue
                            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, counter, counter.ETag)
                            : new TableTransactionAction(TableTransactionActionType.Add, counter),
                        new TableTransactionAction(TableTransactionActionType.Add, reservation),
                    ],
                    ct);
                return reservation.ToReservation(year);
            },
            cancellationToken);
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
