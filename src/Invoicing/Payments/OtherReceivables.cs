using Invoicing.Payments.BankFiles;

namespace Invoicing.Payments;

/// <summary>
/// On an account the issuer shares with its organisation's other receivables (<see cref="Issuers.Issuer.SharedAccount"/>:
/// a municipality's one bankgiro), the entries that cannot be payments for this cooperation: money in or taken back
/// whose every reference is a valid OCR number (check digit, and length digit where it has one) of another form than
/// our invoices' — not eleven digits with length digit 1 over a nine-digit invoice number
/// (<see cref="InvoiceNumber.TryFromOcrReference"/>) — and which names nothing of that form in its references or texts
/// (an invoice number typed in, an OCR of ours). Such an entry is counted as not ours: it stays in the archived file,
/// and is neither booked nor put on the unmatched list. Everything else that matches no invoice — no reference, a
/// failing check digit, an OCR of our form naming no invoice — could be ours, and waits on the list for a person.
/// </summary>
internal static class OtherReceivables
{
    public static bool CannotBeOurs(BankEntry entry) =>
        entry.Kind is BankEntryKind.Payment or BankEntryKind.Reversal or BankEntryKind.Deduction
        && entry.References.Count > 0
        && entry.References.All(OfAnotherForm)
        && !InvoiceMentions.AnyOfOurForm(entry.References)
        && !InvoiceMentions.AnyOfOurForm(entry.Texts);

    private static bool OfAnotherForm(string reference) =>
        OcrReference.TryParse(reference, out var ocr) && !InvoiceNumber.TryFromOcrReference(ocr, out _);
}
