namespace Invoicing.Invoices;

/// <summary>One booked payment in an invoice's history: what, when, from where, and what it did to the status.</summary>
public sealed record PaymentRecord(
    InvoiceNumber Invoice,
    string EntryReference,
    string Source,
    Money Amount,
    DateOnly PaidOn,
    DateTimeOffset BookedAt,
    PaymentStatus StatusBefore,
    PaymentStatus StatusAfter,
    PaymentFlag Flag,
    string? Note,
    string? PayerName)
{
    private readonly string? _key;
    private readonly DateOnly? _accountingDate;

    /// <summary>
    /// The record's identity: the bank entry's key (<c>BankEntry.Key</c>), or for a manual payment the key of its
    /// reference. A record whose entry comes again is found by it and booked once.
    /// </summary>
    public string Key
    {
        get => _key ?? EntryKey.For(EntryReference);
        init => _key = value;
    }

    /// <summary>For a reversal (negative <see cref="Amount"/>): the <see cref="Key"/> of the payment it took back.</summary>
    public string? Reverses { get; init; }

    /// <summary>For a record flagged <see cref="PaymentFlag.AlreadyReceived"/>: the <see cref="Key"/> of the payment it is the same as.</summary>
    public string? SameAs { get; init; }

    /// <summary>What recognises the same payment in another format (<see cref="PaymentFingerprint"/>); null for a manual payment.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>The part of a payment for several invoices this record is; null for a payment of one invoice.</summary>
    public PaymentSplit? Split { get; init; }

    /// <summary>True when the payment is dated before the invoice was issued.</summary>
    public bool PaidInAdvance { get; init; }

    /// <summary>
    /// The archived bank file it was booked from (its SHA-256, <see cref="BankFileArchive"/>): the source document an
    /// auditor asks for. Null for a manual payment, and for one booked before files were archived.
    /// </summary>
    public string? FileId { get; init; }

    /// <summary>
    /// The date the books have it on: <see cref="PaidOn"/>, unless finance had closed that month when it was booked;
    /// then the first open day after it (the real date kept in <see cref="PaidOn"/>). The SIE voucher is dated by it.
    /// </summary>
    public DateOnly AccountingDate
    {
        get => _accountingDate ?? PaidOn;
        init => _accountingDate = value == PaidOn ? null : value;
    }
}
