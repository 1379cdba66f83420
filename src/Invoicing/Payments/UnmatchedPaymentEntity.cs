using Azure;
using Azure.Data.Tables;
using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Payments.BankFiles;

namespace Invoicing.Payments;

/// <summary>
/// Table <c>UnmatchedPayments</c> (the suspense list): partition <c>open</c>, <c>booked</c> once booked by hand, or
/// <c>same</c> for an entry recognised as the same payment as a listed one; row key = the entry's key. Open ones are
/// listed with one partition query; a booked one keeps its history.
/// </summary>
internal sealed class UnmatchedPaymentEntity : ITableEntity
{
    public const string Open = "open";

    public const string Booked = "booked";

    public const string Same = "same";

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

    /// <summary>The reason in Swedish, for the finance page; absent on rows listed before it was recorded.</summary>
    public string? SwedishReason { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The entry's <see cref="BankEntryKind"/>.</summary>
    public string? Kind { get; set; }

    /// <summary>The entry's texts, one per line.</summary>
    public string? Texts { get; set; }

    public string? Fingerprint { get; set; }

    public string? SuggestedScheme { get; set; }

    public int? SuggestedYear { get; set; }

    public string? SuggestedNumber { get; set; }

    public string? SuggestedDebtor { get; set; }

    public string? SameAs { get; set; }

    public string? ReceivingAccount { get; set; }

    public string? BookedToScheme { get; set; }

    public int? BookedToYear { get; set; }

    public string? BookedToNumber { get; set; }

    /// <summary>The SHA-256 of the archived bank file the entry came in.</summary>
    public string? FileId { get; set; }

    public static UnmatchedPaymentEntity From(UnmatchedPayment payment) => new()
    {
        PartitionKey = payment.SameAs is null ? Open : Same,
        RowKey = payment.Id,
        EntryReference = payment.EntryReference,
        Source = payment.Source,
        AmountOre = payment.Amount.Ore,
        PaidOn = IsoDate.Format(payment.PaidOn),
        Reference = payment.Reference,
        PayerName = payment.PayerName,
        Reason = payment.Reason,
        SwedishReason = payment.SwedishReason,
        ReceivedAt = payment.ReceivedAt,
        Kind = payment.Kind.ToString(),
        Texts = payment.Texts.Count == 0 ? null : string.Join('\n', payment.Texts),
        Fingerprint = payment.Fingerprint,
        SuggestedScheme = payment.Suggested?.Invoice.Scheme.Value,
        SuggestedYear = payment.Suggested?.Invoice.Year,
        SuggestedNumber = payment.Suggested?.Invoice.Number.ToString(),
        SuggestedDebtor = payment.Suggested?.DebtorName,
        SameAs = payment.SameAs,
        ReceivingAccount = payment.ReceivingAccount,
        FileId = payment.FileId,
    };

    public UnmatchedPayment ToPayment() =>
        new(RowKey, EntryReference, Source, new Money(AmountOre), IsoDate.Parse(PaidOn), Reference, PayerName, Reason, ReceivedAt)
        {
            Kind = Enum.Parse<BankEntryKind>(Kind ?? throw new InvalidDataException($"Table UnmatchedPayments, row {RowKey}: no kind.")),
            Texts = Texts?.Split('\n') ?? [],
            Fingerprint = Fingerprint,
            Suggested = SuggestedNumber is null ? null
                : new InvoiceSuggestion(new InvoiceKey(new SchemeId(SuggestedScheme!), SuggestedYear!.Value, InvoiceNumber.Parse(SuggestedNumber)), SuggestedDebtor ?? ""),
            SameAs = SameAs,
            ReceivingAccount = ReceivingAccount,
            BookedTo = BookedToNumber is null ? null : new InvoiceKey(new SchemeId(BookedToScheme!), BookedToYear!.Value, InvoiceNumber.Parse(BookedToNumber)),
            FileId = FileId,
            SwedishReason = SwedishReason,
        };
}
