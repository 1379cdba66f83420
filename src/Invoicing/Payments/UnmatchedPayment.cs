using Invoicing.Invoices;
using Invoicing.Payments.BankFiles;

namespace Invoicing.Payments;

/// <summary>
/// A bank entry that could not be booked automatically, waiting for a person: no or a bad OCR, no such invoice, a
/// deduction, a reversal that matches no payment. <see cref="Id"/> (the entry's key) is what finance names to book
/// it by hand.
/// </summary>
public sealed record UnmatchedPayment(
    string Id,
    string EntryReference,
    string Source,
    Money Amount,
    DateOnly PaidOn,
    string? Reference,
    string? PayerName,
    string Reason,
    DateTimeOffset ReceivedAt)
{
    /// <summary>What the entry is; a deduction is settled on an invoice, money the bank took back is not.</summary>
    public BankEntryKind Kind { get; init; } = BankEntryKind.Payment;

    /// <summary>The texts that came with the entry (BgMax TK25-TK29, camt's unstructured lines), one per line.</summary>
    public IReadOnlyList<string> Texts { get; init; } = [];

    /// <summary>What recognises the same payment delivered in another format (<see cref="PaymentFingerprint"/>).</summary>
    public string? Fingerprint { get; init; }

    /// <summary>An invoice the entry's texts or references name: offered to a person, booked only when one confirms it.</summary>
    public InvoiceSuggestion? Suggested { get; init; }

    /// <summary>
    /// For an entry recognised as the same payment as one already listed (delivered again in another format): that
    /// entry's id. Such an entry is kept, to be recognised again, but is not on the open list.
    /// </summary>
    public string? SameAs { get; init; }

    /// <summary>The account the money reached, as the bank file names it: booked by hand only on an invoice of that account's issuer.</summary>
    public string? ReceivingAccount { get; init; }

    /// <summary>
    /// Why it matched nothing in Swedish, for the finance page (<see cref="Reason"/> is the terminal's English); null
    /// on entries listed before the import gave one.
    /// </summary>
    public string? SwedishReason { get; init; }

    /// <summary>The invoice it was booked to by hand, once it has been.</summary>
    public InvoiceKey? BookedTo { get; init; }

    /// <summary>The archived bank file it came in (its SHA-256, <see cref="BankFileArchive"/>); null on entries listed before files were archived.</summary>
    public string? FileId { get; init; }
}

/// <summary>An invoice offered as the match of an unmatched entry, and the debtor it is to.</summary>
public sealed record InvoiceSuggestion(InvoiceKey Invoice, string DebtorName);
