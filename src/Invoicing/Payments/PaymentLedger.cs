using Azure;
using Azure.Data.Tables;
using Invoicing.Invoices;
using Invoicing.Storage;
using Microsoft.Extensions.Logging;
using Polly;

namespace Invoicing.Payments;

/// <summary>
/// Books payments on invoices. Each booking is one entity group transaction in the invoice's partition, made by
/// <see cref="InvoiceStore.ReplaceAsync"/> (the Invoices table's one writer): insert the payment record (keyed by
/// its entry reference) and replace the invoice with its new amount paid and status (guarded by its ETag). So a payment is booked once, the status always equals the sum
/// of the recorded payments, and two bookings racing on one invoice cannot lose either.
/// </summary>
public sealed partial class PaymentLedger(InvoicingStorage storage, InvoiceStore invoices, TimeProvider time, ILogger<PaymentLedger> logger)
{
    // Optimistic concurrency on the invoice row is the one thing here nothing else retries.
    private static readonly ResiliencePipeline ConflictRetry = OptimisticConcurrency.Retry(412);

    private TableClient Table => storage.Table(StorageNames.Invoices);

    public async Task<BookingResult> BookAsync(InvoiceKey key, PaymentBooking payment, CancellationToken cancellationToken)
    {
        if (payment.Amount <= Money.Zero)
        {
            throw new InvalidPaymentException($"Invoice {key.Number}: a payment must be a positive amount, not {payment.Amount}.");
        }

        CheckPaidOn(key, payment.PaidOn);
        return await PostAsync(key, payment, null, cancellationToken);
    }

    /// <summary>
    /// Undoes the booked payment <paramref name="reversedEntryReference"/>: one transaction inserts the reversal's
    /// own record (negative amount, naming the payment it reverses) and lowers the invoice's amount paid, so the
    /// status goes back and the history shows both. Keyed by the reversal's entry reference: booked once.
    /// </summary>
    /// <param name="reversal">The reversal as the bank reports it; its amount is the (positive) amount taken back.</param>
    public async Task<BookingResult> ReverseAsync(InvoiceKey key, PaymentBooking reversal, string reversedEntryReference, CancellationToken cancellationToken)
    {
        if (reversal.Amount <= Money.Zero)
        {
            throw new InvalidPaymentException($"Invoice {key.Number}: a reversal takes back a positive amount, not {reversal.Amount}.");
        }

        return await PostAsync(key, reversal, reversedEntryReference, cancellationToken);
    }

    /// <summary>
    /// The entry reference of a booked payment of exactly <paramref name="amount"/> on the invoice that no reversal
    /// has taken back yet (the oldest such); null when there is none.
    /// </summary>
    /// <param name="claimed">Payments other reversals (of the same file) already take back.</param>
    public async Task<string?> FindReversibleAsync(InvoiceKey key, Money amount, IReadOnlySet<string> claimed, CancellationToken cancellationToken)
    {
        var history = await HistoryAsync(key, cancellationToken);
        var reversed = history.Where(r => r.Reverses is not null).Select(r => r.Reverses!).Concat(claimed).ToHashSet(StringComparer.Ordinal);
        return history.FirstOrDefault(r => r.Reverses is null && r.Amount == amount && !reversed.Contains(r.EntryReference))?.EntryReference;
    }

    /// <summary>A payment is not dated after today, nor before the invoice's year began (no invoice existed then).</summary>
    private void CheckPaidOn(InvoiceKey key, DateOnly paidOn)
    {
        var today = SwedishCalendar.Today(time);
        if (paidOn > today)
        {
            throw new InvalidPaymentException($"Invoice {key.Number}: a payment dated {IsoDate.Format(paidOn)} is after today ({IsoDate.Format(today)}); book it when it has been received.");
        }

        var yearBegan = new DateOnly(key.Year, 1, 1);
        if (paidOn < yearBegan)
        {
            throw new InvalidPaymentException($"Invoice {key.Number}: a payment dated {IsoDate.Format(paidOn)} is before the invoice's year {key.Year} began ({IsoDate.Format(yearBegan)}).");
        }
    }

    private async Task<BookingResult> PostAsync(InvoiceKey key, PaymentBooking payment, string? reverses, CancellationToken cancellationToken) =>
        (await PostAsync(key, [new PaymentPosting(payment, reverses)], cancellationToken))[0];

    /// <summary>
    /// Books payments and reversals on one invoice in the order given, as many per entity group transaction as it
    /// holds (<see cref="InvoiceStore.MaxHistoryPerReplace"/> records with the invoice's new balance): the same
    /// records, statuses and flags as booking them one at a time, in a hundredth of the round trips. Each record is
    /// keyed by its entry reference, so one already booked is reported as such and booked once; a concurrent change
    /// of the invoice (412) or of a record (409) makes the batch read again and retry.
    /// </summary>
    internal async Task<IReadOnlyList<BookingResult>> PostAsync(InvoiceKey key, IReadOnlyList<PaymentPosting> postings, CancellationToken cancellationToken)
    {
        foreach (var posting in postings)
        {
            if (posting.Payment.Amount <= Money.Zero)
            {
                throw new InvalidPaymentException(posting.Reverses is null
                    ? $"Invoice {key.Number}: a payment must be a positive amount, not {posting.Payment.Amount}."
                    : $"Invoice {key.Number}: a reversal takes back a positive amount, not {posting.Payment.Amount}.");
            }

            if (posting.Reverses is null)
            {
                CheckPaidOn(key, posting.Payment.PaidOn);
            }
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        var partition = InvoiceEntity.PartitionKeyFor(key.Scheme, key.Year);
        var results = new BookingResult?[postings.Count];
        return await ConflictRetry.ExecuteAsync(
            async ct =>
            {
                // What is booked already (by an earlier import, or by a concurrent one before a retry).
                var booked = new Dictionary<string, InvoicePaymentEntity>(StringComparer.Ordinal);
                if (results.Any(r => r is null))
                {
                    await foreach (var e in Table.QueryAsync<InvoicePaymentEntity>(PaymentRowsFilter(key), cancellationToken: ct))
                    {
                        booked[e.RowKey] = e;
                    }
                }

                var version = await invoices.FindVersionAsync(key, ct)
                    ?? throw new InvalidPaymentException($"There is no invoice {key}.");
                var next = 0;
                while (next < postings.Count)
                {
                    var records = new List<ITableEntity>();
                    var rows = new HashSet<string>(StringComparer.Ordinal);
                    var current = version.Invoice;
                    var inBatch = new List<int>();
                    for (; next < postings.Count && records.Count < InvoiceStore.MaxHistoryPerReplace; next++)
                    {
                        if (results[next] is not null)
                        {
                            continue;
                        }

                        var (payment, reverses) = postings[next];
                        var row = InvoicePaymentEntity.RowKeyFor(key.Number, payment.EntryReference);
                        if (booked.TryGetValue(row, out var done))
                        {
                            results[next] = new BookingResult(key, false, Enum.Parse<PaymentStatus>(done.StatusBefore), Enum.Parse<PaymentStatus>(done.StatusAfter),
                                new Money(done.AmountOre), Enum.Parse<PaymentFlag>(done.Flag));
                            continue;
                        }

                        if (!rows.Add(row))
                        {
                            // The same entry twice: the second is found booked once this batch is in.
                            break;
                        }

                        var after = reverses is null ? current.WithPayment(payment.Amount, payment.PaidOn) : current.WithReversal(payment.Amount);
                        var record = Record(key, partition, row, payment, reverses, current, after);
                        records.Add(record);
                        results[next] = new BookingResult(key, true, current.Status, after.Status, new Money(record.AmountOre), Enum.Parse<PaymentFlag>(record.Flag));
                        inBatch.Add(next);
                        current = after;
                    }

                    if (records.Count == 0)
                    {
                        continue;
                    }

                    try
                    {
                        version = await invoices.ReplaceAsync(version, current, records, ct)
                            ?? await invoices.FindVersionAsync(key, ct)
                            ?? throw new InvalidPaymentException($"There is no invoice {key}.");
                    }
                    catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
                    {
                        // A concurrent booking of one of these entries (409) or of the invoice (412) won: forget this
                        // batch's outcomes and read again.
                        foreach (var i in inBatch)
                        {
                            results[i] = null;
                        }

                        throw new RequestFailedException(412, "Payment booked concurrently.", e);
                    }

                    foreach (var record in records.Cast<InvoicePaymentEntity>())
                    {
                        booked[record.RowKey] = record;
                    }

                    foreach (var i in inBatch)
                    {
                        var result = results[i]!;
                        var amount = result.Amount.ToInvariantString();
                        LogBooked(key.Number, amount, postings[i].Payment.Source, result.Before, result.After, result.Flag);
                    }
                }

                return results.Select(r => r!).ToArray();
            },
            cancellationToken);
    }

    private InvoicePaymentEntity Record(InvoiceKey key, string partition, string row, PaymentBooking payment, string? reverses, Invoice before, Invoice after)
    {
        var flag = reverses is not null ? PaymentFlag.Reversal
            : before.Status is PaymentStatus.Paid or PaymentStatus.Overpaid ? PaymentFlag.InvoiceAlreadyPaid
            : after.Status == PaymentStatus.Overpaid ? PaymentFlag.Overpayment
            : PaymentFlag.None;
        var signed = reverses is null ? payment.Amount : -payment.Amount;
        return new InvoicePaymentEntity
        {
            PartitionKey = partition,
            RowKey = row,
            InvoiceNumber = key.Number.ToString(),
            EntryReference = payment.EntryReference,
            Source = payment.Source,
            AmountOre = signed.Ore,
            Reverses = reverses,
            PaidOn = IsoDate.Format(payment.PaidOn),
            Note = payment.Note,
            PayerName = payment.PayerName,
            StatusBefore = before.Status.ToString(),
            StatusAfter = after.Status.ToString(),
            Flag = flag.ToString(),
            BookedAt = time.GetUtcNow(),
        };
    }

    private static string PaymentRowsFilter(InvoiceKey key)
    {
        var partition = InvoiceEntity.PartitionKeyFor(key.Scheme, key.Year);
        return TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {$"{key.Number}-P-"} and RowKey lt {$"{key.Number}-P."}");
    }

    /// <summary>The invoice's payments, oldest first.</summary>
    public async Task<IReadOnlyList<PaymentRecord>> HistoryAsync(InvoiceKey key, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var partition = InvoiceEntity.PartitionKeyFor(key.Scheme, key.Year);
        var (after, before) = ($"{key.Number}-P-", $"{key.Number}-P.");
        var records = new List<PaymentRecord>();
        await foreach (var e in Table.QueryAsync<InvoicePaymentEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(after) > 0 && e.RowKey.CompareTo(before) < 0,
            cancellationToken: cancellationToken))
        {
            records.Add(ToRecord(key.Number, e));
        }

        return records.OrderBy(r => r.BookedAt).ToArray();
    }

    /// <summary>Every payment booked on the invoices of a scheme's year, oldest booking first (one partition query).</summary>
    public async Task<IReadOnlyList<PaymentRecord>> ListYearAsync(Budgets.SchemeId scheme, int year, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var partition = InvoiceEntity.PartitionKeyFor(scheme, year);
        var records = new List<PaymentRecord>();
        await foreach (var e in Table.QueryAsync<InvoicePaymentEntity>(
            e => e.PartitionKey == partition && e.RecordType == InvoicePaymentEntity.Record,
            cancellationToken: cancellationToken))
        {
            records.Add(ToRecord(InvoiceNumber.Parse(e.InvoiceNumber), e));
        }

        return records.OrderBy(r => r.BookedAt).ThenBy(r => r.EntryReference, StringComparer.Ordinal).ToArray();
    }

    private static PaymentRecord ToRecord(InvoiceNumber number, InvoicePaymentEntity e) =>
        new(number, e.EntryReference, e.Source, new Money(e.AmountOre), IsoDate.Parse(e.PaidOn), e.BookedAt,
            Enum.Parse<PaymentStatus>(e.StatusBefore), Enum.Parse<PaymentStatus>(e.StatusAfter), Enum.Parse<PaymentFlag>(e.Flag), e.Note, e.PayerName) { Reverses = e.Reverses };

    [LoggerMessage(EventId = 2000, EventName = "PaymentBooked", Level = LogLevel.Information,
        Message = "Booked {Amount} SEK on invoice {InvoiceNumber} from {Source}: {StatusBefore} -> {StatusAfter} ({Flag})")]
    private partial void LogBooked(InvoiceNumber invoiceNumber, string amount, string source, PaymentStatus statusBefore, PaymentStatus statusAfter, PaymentFlag flag);
}
