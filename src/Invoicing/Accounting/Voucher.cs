using Invoicing.Parties;

namespace Invoicing.Accounting;

/// <summary>
/// One voucher (<c>#VER</c>): a series, the document's date, a text naming the document and party, and rows that
/// balance to the öre. It has no number: the accounting system gives it the next one of its own series at import
/// (docs/sie.md), so no two exports can hand it the same.
/// </summary>
public sealed record Voucher(string Series, DateOnly Date, string Text, IReadOnlyList<VoucherRow> Rows)
{
    /// <summary>Always zero: <see cref="VoucherBuilder"/> builds only balanced vouchers.</summary>
    public Money Balance => Money.Sum(Rows.Select(r => r.Amount));

    /// <summary>What the voucher books (for counts and summaries; the file itself shows it in the text).</summary>
    public VoucherKind Kind { get; init; } = VoucherKind.Invoice;
}

/// <summary>A row (<c>#TRANS</c>): debit positive, credit negative; the party when the row carries it as an object.</summary>
public sealed record VoucherRow(SieAccount Account, Money Amount, PartyCode? Party);

/// <summary>The document a voucher books.</summary>
public enum VoucherKind
{
    /// <summary>An invoice, ordinary or supplementary.</summary>
    Invoice,

    CreditNote,

    Payment,

    /// <summary>The bank took a booked payment back.</summary>
    Reversal,

    /// <summary>Money owed back was paid out to the party.</summary>
    Refund,
}
