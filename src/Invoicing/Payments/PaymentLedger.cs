using Azure;
using Azure.Data.Tables;
using Invoicing.Invoices;
using Invoicing.Storage;
using Microsoft.Extensions.Logging;
using Polly;

namespace Invoicing.Payments;

/// <summary>
/// Books payments on invoices. Each booking is one entity group transaction in the invoice's partition:
/// insert the payment record (keyed by its entry reference) and replace the invoice with its new amount paid
/// and status (guarded by the invoice's ETag). So a payment is booked once, the status always equals the sum
/// of the recorded payments, and two bookings racing on one invoice cannot lose either.
/// </summary>
public sealed partial class PaymentLedger(InvoicingStorage storage, TimeProvider time, ILogger<PaymentLedger> logger)
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

                var entity = (await Table.GetEntityIfExistsAsync<InvoiceEntity>(partition, key.Number.ToString(), cancellationToken: ct)).Value
                    ?? throw new InvalidPaymentException($"There is no invoice {key}.");
                var before = entity.ToInvoice();
                var after = before.WithPayment(payment.Amount, payment.PaidOn);
                var flag = before.Status is PaymentStatus.Paid or PaymentStatus.Overpaid ? PaymentFlag.InvoiceAlreadyPaid
                    : after.Status == PaymentStatus.Overpaid ? PaymentFlag.Overpayment
                    : PaymentFlag.None;
                var updated = InvoiceEntity.From(after, entity.IssuedAt);
                var record = new InvoicePaymentEntity
                {
                    PartitionKey = partition,
                    RowKey = paymentRow,
                    InvoiceNumber = key.Number.ToString(),
                    EntryReference = payment.EntryReference,
                    Source = payment.Source,
                    AmountOre = payment.Amount.Ore,
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
                    await Table.SubmitTransactionAsync(
                        [
                            new TableTransactionAction(TableTransactionActionType.Add, record),
                            new TableTransactionAction(TableTransactionActionType.UpdateReplace, updated, entity.ETag),
                        ],
                        ct);
                }
                catch (TableTransactionFailedException e) when (e.Status == 409)
                {
                    // A concurrent booking of this very entry won; the next attempt reads its record.
                    throw new RequestFailedException(412, "Payment booked concurrently.", e);
                }

                var amount = payment.Amount.ToInvariantString();
                LogBooked(key.Number, amount, payment.Source, before.Status, after.Status, flag);
                return new BookingResult(key, true, before.Status, after.Status, payment.Amount, flag);
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
            Enum.Parse<PaymentStatus>(e.StatusBefore), Enum.Parse<PaymentStatus>(e.StatusAfter), Enum.Parse<PaymentFlag>(e.Flag), e.Note, e.PayerName);

    [LoggerMessage(EventId = 2000, EventName = "PaymentBooked", Level = LogLevel.Information,
        Message = "Booked {Amount} SEK on invoice {InvoiceNumber} from {Source}: {StatusBefore} -> {StatusAfter} ({Flag})")]
    private partial void LogBooked(InvoiceNumber invoiceNumber, string amount, string source, PaymentStatus statusBefore, PaymentStatus statusAfter, PaymentFlag flag);
}
