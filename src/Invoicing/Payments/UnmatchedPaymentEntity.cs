using Azure;
using Azure.Data.Tables;
using Invoicing.Budgets;
using Invoicing.Invoices;

namespace Invoicing.Payments;

/// <summary>
/// Table <c>UnmatchedPayments</c> (the suspense list): partition <c>open</c> or <c>booked</c>, row key = the
/// entry key. Open ones are listed with one partition query; a booked one keeps its history.
/// </summary>
internal sealed class UnmatchedPaymentEntity : ITableEntity
{
    public const string Open = "open";

    public string PartitionKey { get; set; } = Open;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string EntryReference { get; set; } = "";

    public string Source { get; set; } = "";

    public long AmountOre { get; set; }

    public string PaidOn { get; set; } = "";

    public string? Reference { get; set; }

    public string? PayerName { get; set; }

    public string Reason { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }

    public string? BookedToScheme { get; set; }

    public int? BookedToYear { get; set; }

    public string? BookedToNumber { get; set; }

    public static UnmatchedPaymentEntity From(UnmatchedPayment payment) => new()
    {
        RowKey = payment.Id,
        EntryReference = payment.EntryReference,
        Source = payment.Source,
        AmountOre = payment.Amount.Ore,
        PaidOn = IsoDate.Format(payment.PaidOn),
        Reference = payment.Reference,
        PayerName = payment.PayerName,
        Reason = payment.Reason,
        ReceivedAt = payment.ReceivedAt,
    };

    public UnmatchedPayment ToPayment() =>
        new(RowKey, EntryReference, Source, new Money(AmountOre), IsoDate.Parse(PaidOn), Reference, PayerName, Reason, ReceivedAt)
        {
            BookedTo = BookedToNumber is null ? null : new InvoiceKey(new SchemeId(BookedToScheme!), BookedToYear!.Value, Invoices.InvoiceNumber.Parse(BookedToNumber)),
        };
}
