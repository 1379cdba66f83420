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

    private async Task<BookingResult> PostAsync(InvoiceKey key, PaymentBooking payment, string? reverses, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var partition = InvoiceEntity.PartitionKeyFor(key.Scheme, key.Year);
        var paymentRow = InvoicePaymentEntity.RowKeyFor(key.Number, payment.EntryReference);
        return await ConflictRetry.ExecuteAsync(
            async ct =>
            {
                var existing = await Table.GetEntityIfExistsAsync<InvoicePaymentEntity>(partition, paymentRow, cancellationToken: ct);
                if (existing.HasValue)
                {
                    var done = existing.Value!;
                    return new BookingResult(key, false, Enum.Parse<PaymentStatus>(done.StatusBefore), Enum.Parse<PaymentStatus>(done.StatusAfter),
                        new Money(done.AmountOre), Enum.Parse<PaymentFlag>(done.Flag));
                }

                var version = await invoices.FindVersionAsync(key, ct)
                    ?? throw new InvalidPaymentException($"There is no invoice {key}.");
                var before = version.Invoice;
                var after = reverses is null ? before.WithPayment(payment.Amount, payment.PaidOn) : before.WithReversal(payment.Amount);
                var flag = reverses is not null ? PaymentFlag.Reversal
                    : before.Status is PaymentStatus.Paid or PaymentStatus.Overpaid ? PaymentFlag.InvoiceAlreadyPaid
                    : after.Status == PaymentStatus.Overpaid ? PaymentFlag.Overpayment
                    : PaymentFlag.None;
                var signed = reverses is null ? payment.Amount : -payment.Amount;
                var record = new InvoicePaymentEntity
                {
                    PartitionKey = partition,
                    RowKey = paymentRow,
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
                try
                {
                    await invoices.ReplaceAsync(version, after, record, ct);
                }
                catch (TableTransactionFailedException e) when (e.Status == 409)
                {
                    // A concurrent booking of this very entry won; the next attempt reads its record.
                    throw new RequestFailedException(412, "Payment booked concurrently.", e);
                }

                var amount = signed.ToInvariantString();
                LogBooked(key.Number, amount, payment.Source, before.Status, after.Status, flag);
                return new BookingResult(key, true, before.Status, after.Status, signed, flag);
            },
            cancellationToken);
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
