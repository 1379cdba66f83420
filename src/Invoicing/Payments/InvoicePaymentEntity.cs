using Azure;
using Azure.Data.Tables;
using Invoicing.Invoices;

namespace Invoicing.Payments;

/// <summary>
/// Table <c>Invoices</c>, a payment record in a row of its own: partition = the invoice's (<c>{scheme}:{year}</c>),
/// row key = <c>{number}-P-{entry key}</c>. How payments were kept before pages (<see cref="PaymentPageEntity"/>):
/// no longer written, still read, so a store from before needs no migration.
/// </summary>
internal sealed class InvoicePaymentEntity : ITableEntity
{
    public const string Record = "Payment";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string RecordType { get; set; } = Record;

    public string InvoiceNumber { get; set; } = "";

    public string EntryReference { get; set; } = "";

    /// <summary><c>manual</c>, or the bank file's name.</summary>
    public string Source { get; set; } = "";

    public long AmountOre { get; set; }

    public string PaidOn { get; set; } = "";

    public string? Note { get; set; }

    public string? PayerName { get; set; }

    public string StatusBefore { get; set; } = "";

    public string StatusAfter { get; set; } = "";

    public string Flag { get; set; } = nameof(PaymentFlag.None);

    /// <summary>For a reversal (negative amount): the entry reference of the payment it takes back.</summary>
    public string? Reverses { get; set; }

    public DateTimeOffset BookedAt { get; set; }

    public PaymentRecord ToRecord() =>
        new(Invoices.InvoiceNumber.Parse(InvoiceNumber), EntryReference, Source, new Money(AmountOre), IsoDate.Parse(PaidOn), BookedAt,
            Enum.Parse<PaymentStatus>(StatusBefore), Enum.Parse<PaymentStatus>(StatusAfter), Enum.Parse<PaymentFlag>(Flag), Note, PayerName) { Reverses = Reverses };

    /// <summary>Such a record read as a plain entity (from a query that also returns pages).</summary>
    public static PaymentRecord ToRecord(TableEntity row) => new InvoicePaymentEntity
    {
        InvoiceNumber = row.GetString(nameof(InvoiceNumber)),
        EntryReference = row.GetString(nameof(EntryReference)),
        Source = row.GetString(nameof(Source)),
        AmountOre = row.GetInt64(nameof(AmountOre)) ?? 0,
        PaidOn = row.GetString(nameof(PaidOn)),
        Note = row.GetString(nameof(Note)),
        PayerName = row.GetString(nameof(PayerName)),
        StatusBefore = row.GetString(nameof(StatusBefore)),
        StatusAfter = row.GetString(nameof(StatusAfter)),
        Flag = row.GetString(nameof(Flag)) ?? nameof(PaymentFlag.None),
        Reverses = row.GetString(nameof(Reverses)),
        BookedAt = row.GetDateTimeOffset(nameof(BookedAt)) ?? default,
    }.ToRecord();

    /// <summary>The row key such a record has (tests write one to show old stores are still read).</summary>
    public static string RowKeyFor(InvoiceNumber number, string entryReference) => $"{number}-P-{EntryKey.For(entryReference)}";
}
