namespace Invoicing.Payments.BankFiles;

/// <summary>
/// One entry of a bank file as the bank reports it, not yet matched to an invoice: a payment to us, or any other
/// movement (<see cref="Kind"/>), so that every entry of a file is accounted for.
/// </summary>
public sealed record BankEntry
{
    /// <summary>Longest bank reference kept (the bank's own is at most 35 characters, plus the format's prefix).</summary>
    public const int MaxEntryReferenceLength = 100;

    /// <summary>Longest payer's references kept, joined by spaces (a payment may name many invoices).</summary>
    public const int MaxReferenceLength = 500;

    /// <summary>Longest texts kept, joined by line breaks (camt's unstructured lines, BgMax TK25-29).</summary>
    public const int MaxTextLength = 1000;

    /// <summary>Longest payer name kept: camt's party name (Max140Text).</summary>
    public const int MaxPayerNameLength = 140;

    public required BankEntryKind Kind { get; init; }

    /// <summary>
    /// The bank's own reference for the entry, prefixed by format: <c>camt:&lt;AcctSvcrRef&gt;</c>,
    /// <c>bgmax:&lt;receiving bankgiro&gt;:&lt;payment date&gt;:&lt;BGC serial number&gt;</c>. Shown to people; banks
    /// reuse their references (some number the entries of each file 1, 2, …), so it is not the entry's identity:
    /// <see cref="Key"/> is.
    /// </summary>
    public required string EntryReference { get; init; }

    /// <summary>Signed: positive for money received (a payment, a returned debit), negative for money leaving the account.</summary>
    public required Money Amount { get; init; }

    /// <summary>The day the bank booked the entry (camt <c>BookgDt</c>, BgMax deposit payment date).</summary>
    public required DateOnly BookingDate { get; init; }

    /// <summary>
    /// The references the payer gave, in the order given (usually OCR numbers): camt's structured creditor
    /// references, BgMax's TK20 reference and its TK22/TK23 extra references. Several name several invoices.
    /// </summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>
    /// The free texts that came with the entry, one line each: camt's unstructured remittance lines and referred
    /// document numbers, BgMax's information records (TK25) and the payer's further names, address and organisation
    /// number (TK26-TK29). A person reads them; an invoice number in them is offered as the suggested match.
    /// </summary>
    public IReadOnlyList<string> Texts { get; init; } = [];

    /// <summary>The payer's name when the bank reports it.</summary>
    public string? PayerName { get; init; }

    /// <summary>Our account: the IBAN or other account id (camt), the bankgiro number without leading zeros (BgMax).</summary>
    public string? ReceivingAccount { get; init; }

    /// <summary>
    /// The entry's identity (<see cref="BankEntryKey"/>): the same entry delivered again has the same key; another
    /// payment has another, even when the bank reused its reference.
    /// </summary>
    public string Key { get; init; } = "";

    /// <summary>The references joined by spaces, as a person reads them; null when the payer gave none.</summary>
    public string? Reference => References.Count == 0 ? null : string.Join(' ', References);

    /// <summary>The texts joined by " / " for one line of a list; null when there are none.</summary>
    public string? Text => Texts.Count == 0 ? null : string.Join(" / ", Texts);

    /// <summary>
    /// True for the entries the product only lists in the import report (pending, information): the bank moved no
    /// money yet, so nothing is booked from them and nothing about them is stored. (An outgoing entry moved money: it
    /// is read, and booked when it is an invoice's refund.)
    /// </summary>
    public bool IsOnlyListed => Kind is BankEntryKind.Pending or BankEntryKind.Information;

    /// <summary>Entries are equal when everything the bank said is: the lists item by item.</summary>
    public bool Equals(BankEntry? other) =>
        other is not null
        && Kind == other.Kind
        && EntryReference == other.EntryReference
        && Amount == other.Amount
        && BookingDate == other.BookingDate
        && References.SequenceEqual(other.References)
        && Texts.SequenceEqual(other.Texts)
        && PayerName == other.PayerName
        && ReceivingAccount == other.ReceivingAccount
        && Key == other.Key;

    public override int GetHashCode() => HashCode.Combine(Kind, EntryReference, Amount, BookingDate, Key);
}
