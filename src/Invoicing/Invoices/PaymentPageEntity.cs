using Azure;
using Azure.Data.Tables;

namespace Invoicing.Invoices;

/// <summary>
/// Table <c>Invoices</c>, a page of an invoice's payment records: partition = the invoice's
/// (<c>{scheme}:{year}</c>), row key = <c>{number}-P-~{page}</c> (pages numbered from 1, six digits). A booking
/// writes its records as pages of up to <see cref="PaymentPages.MaxRecordsPerPage"/> in the same entity group
/// transaction as the invoice's new payment status, so status and history never disagree. One row per record
/// would cost storage a row per bank entry: a file of 100 000 entries is then 100 000 inserts, which is what
/// bounded how fast a large file could be booked. Each record stays identified by its key
/// (<see cref="PaymentRecord.Key"/>); a repeated booking is found by reading the history (<see cref="PaymentLedger"/>),
/// and a concurrent one is stopped by the invoice's ETag, which every booking replaces.
/// </summary>
internal sealed class PaymentPageEntity : ITableEntity
{
    public const string Page = "PaymentPage";

    /// <summary>Marks a page among the invoice's rows (<c>{number}-P-~</c>); '~' is no digit's, so page keys sort apart.</summary>
    private const string PageMark = "~";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string RecordType { get; set; } = Page;

    public string InvoiceNumber { get; set; } = "";

    public int Count { get; set; }

    /// <summary>When its records were booked: together, in one transaction.</summary>
    public DateTimeOffset BookedAt { get; set; }

    /// <summary>The records as a JSON array of <see cref="PaymentLine"/> (ASCII only: other characters escaped).</summary>
    public string Lines { get; set; } = "[]";

    public static string RowKeyFor(InvoiceNumber number, int page) => $"{FirstRowKey(number)}{page:000000}";

    /// <summary>The first row key a page of the invoice can have; every page's key starts with it.</summary>
    public static string FirstRowKey(InvoiceNumber number) => $"{number}-P-{PageMark}";

    public static int PageNumber(string rowKey) => int.Parse(rowKey.AsSpan(rowKey.LastIndexOf(PageMark, StringComparison.Ordinal) + 1), System.Globalization.CultureInfo.InvariantCulture);
}
