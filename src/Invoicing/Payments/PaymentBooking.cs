using System.Text;
using Invoicing.Invoices;
using Invoicing.Payments.BankFiles;

namespace Invoicing.Payments;

/// <summary>
/// A payment to book on an invoice. <see cref="Key"/> identifies it at its source (the bank entry's key, or a
/// manual registration's own), so booking it twice books it once.
/// </summary>
public sealed record PaymentBooking(string EntryReference, string Source, Money Amount, DateOnly PaidOn, string? Note = null, string? PayerName = null)
{
    public const string ManualSource = "manual";

    private readonly string? _key;

    /// <summary>The booking's identity: a bank entry's key; by default the key of <see cref="EntryReference"/>.</summary>
    public string Key
    {
        get => _key ?? EntryKey.For(EntryReference);
        init => _key = value;
    }

    /// <summary>What recognises the same payment delivered in another format; null for a manual payment.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>The part of a payment for several invoices this booking is.</summary>
    public PaymentSplit? Split { get; init; }

    /// <summary>The archived bank file it was booked from (its SHA-256, <see cref="BankFileArchive"/>); null for a manual payment.</summary>
    public string? FileId { get; init; }

    /// <summary>
    /// A payment registered by hand (terminal or page). Its entry reference is the invoice, date, amount and the
    /// person's reference (or note), so registering the same payment twice, anywhere, books it once; a second
    /// identical payment needs its own reference. The key reads the reference as a person does (<see cref="SameText"/>):
    /// <c>Kontoutdrag 7 </c> typed again as <c>kontoutdrag 7</c> is the same payment.
    /// </summary>
    public static PaymentBooking Manual(Invoicing.InvoiceNumber invoice, Money amount, DateOnly paidOn, string? note, string? reference) =>
        ByHand("manual", invoice, amount, paidOn, reference ?? note ?? "", note);

    /// <summary>
    /// A refund paid out by hand (terminal or page), <paramref name="amount"/> positive. Its entry reference is the
    /// invoice, date, amount and the person's reference (e.g. the payment order's number), so the same refund sent again,
    /// anywhere, is booked once — whatever its case or spacing (<see cref="SameText"/>).
    /// </summary>
    public static PaymentBooking ManualRefund(Invoicing.InvoiceNumber invoice, Money amount, DateOnly paidOn, string reference, string? note) =>
        ByHand("refund", invoice, amount, paidOn, reference, note ?? reference);

    /// <summary>
    /// A reference as it decides "the same payment": compatibility-normalised (NFKC), spaces, tabs and line breaks at
    /// its ends dropped and runs of them inside read as one space, letter case ignored. The one place a manual
    /// booking's key is computed; the entry reference keeps the text as it was given, and keys already stored are
    /// read as stored.
    /// </summary>
    public static string SameText(string reference) =>
        string.Join(' ', reference.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .ToUpperInvariant();

    private static PaymentBooking ByHand(string kind, Invoicing.InvoiceNumber invoice, Money amount, DateOnly paidOn, string reference, string? note)
    {
        var entry = $"{kind}:{invoice}:{IsoDate.Format(paidOn)}:{amount.Ore}:";
        return new(entry + reference, ManualSource, amount, paidOn, note) { Key = EntryKey.For(entry + SameText(reference)) };
    }
}
