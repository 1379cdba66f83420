using Azure.Data.Tables;
using Invoicing.Storage;

namespace Invoicing.Invoices;

/// <summary>
/// The payment records of invoices, as the ledger keeps them in the <c>Invoices</c> table (pages of
/// <see cref="PaymentPageEntity"/> beside the invoice). Booking (<c>Payments.PaymentLedger</c>), reminders, the SIE
/// export and the hosts read them here; they are written only with the invoice's new balance, by
/// <see cref="InvoiceStore.ReplaceAsync(InvoiceVersion, Invoice, IReadOnlyList{ITableEntity}, CancellationToken)"/>.
/// </summary>
public sealed class PaymentHistory(InvoicingStorage storage)
{
    private TableClient Table => storage.Table(StorageNames.Invoices);

    /// <summary>The invoice's payments, oldest first.</summary>
    public async Task<IReadOnlyList<PaymentRecord>> ListAsync(InvoiceKey key, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        return (await ReadAsync(key, cancellationToken)).Pages.SelectMany(p => p.Records).OrderBy(r => r.BookedAt).ToArray();
    }

    /// <summary>The invoice's pages of payment records (each in the order booked), and the number its next page gets.</summary>
    internal async Task<(IReadOnlyList<PaymentPage> Pages, int NextPage)> ReadAsync(InvoiceKey key, CancellationToken cancellationToken)
    {
        // One range query: with many invoices in a file, the number of queries is what counts.
        var partition = InvoiceEntity.PartitionKeyFor(key.Scheme, key.Year);
        var pages = new List<PaymentPage>();
        var nextPage = 1;
        await foreach (var page in Table.QueryAsync<PaymentPageEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {$"{key.Number}-P-"} and RowKey lt {$"{key.Number}-P."}"),
            cancellationToken: cancellationToken))
        {
            var number = PaymentPageEntity.PageNumber(page.RowKey);
            pages.Add(new PaymentPage(number, [.. PaymentLine.ReadAll(page.Lines).Select(line => line.ToRecord(key.Number, page.BookedAt))]));
            nextPage = Math.Max(nextPage, number + 1);
        }

        return (pages, nextPage);
    }

    /// <summary>
    /// Every payment booked on the invoices of a scheme's year, oldest booking first (one partition query). A record
    /// that only recognises a payment delivered again (<see cref="PaymentFlag.AlreadyReceived"/>) moves no money and
    /// is left out.
    /// </summary>
    public async Task<IReadOnlyList<PaymentRecord>> ListYearAsync(SchemeId scheme, int year, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var partition = InvoiceEntity.PartitionKeyFor(scheme, year);
        var records = new List<PaymentRecord>();
        await foreach (var page in Table.QueryAsync<PaymentPageEntity>(
            e => e.PartitionKey == partition && e.RecordType == PaymentPageEntity.Page, cancellationToken: cancellationToken))
        {
            records.AddRange(ToRecords(page).Where(r => r.Flag != PaymentFlag.AlreadyReceived));
        }

        return records.OrderBy(r => r.BookedAt).ThenBy(r => r.EntryReference, StringComparer.Ordinal).ToArray();
    }

    private static IEnumerable<PaymentRecord> ToRecords(PaymentPageEntity page)
    {
        var number = InvoiceNumber.Parse(page.InvoiceNumber);
        return PaymentLine.ReadAll(page.Lines).Select(line => line.ToRecord(number, page.BookedAt));
    }
}

/// <summary>
/// One page of an invoice's payment records: what one booking transaction wrote together (up to
/// <see cref="PaymentPages.MaxRecordsPerPage"/>), never changed after. The audit trail records a page as one event.
/// </summary>
internal sealed record PaymentPage(int Number, IReadOnlyList<PaymentRecord> Records);
