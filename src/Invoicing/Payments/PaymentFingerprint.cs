using System.Globalization;
using Invoicing.Invoices;
using Invoicing.Payments.BankFiles;

namespace Invoicing.Payments;

/// <summary>
/// What the same payment has in common in every format the bank delivers it in: whose accounts it was paid to (the
/// issuer), the booking date, the amount and the payer's references (in any order). The bank's own reference is
/// left out — camt.054 names a payment by the bank's <c>AcctSvcrRef</c>, BgMax by Bankgirot's serial number — and so
/// are our account's form (an IBAN in one, the bankgiro in the other) and the payer's name (spelt by each system its
/// own way). Two payments with one fingerprint in one format are two payments (their keys differ); a payment in one
/// format and one in the other with one fingerprint are taken for the same payment, one for one
/// (<see cref="SamePayments"/>). Stored like a key: the first 40 hex digits of a SHA-256.
/// </summary>
public static class PaymentFingerprint
{
    /// <summary>The fingerprint of a payment or deduction paid to <paramref name="issuerId"/>'s accounts.</summary>
    public static string For(string issuerId, BankEntry entry) =>
        EntryKey.For(string.Join(
            '\u001F',
            issuerId,
            IsoDate.Format(entry.BookingDate),
            entry.Amount.Ore.ToString(CultureInfo.InvariantCulture),
            string.Join(' ', entry.References.Select(r => r.Replace(" ", "", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))));
}
