using Invoicing.Invoices;
using Invoicing.Issuers;

namespace Invoicing.Payments;

/// <summary>
/// The one rule for money on an invoice — a payment, a deduction, a reversal, a refund — whatever brought it: the
/// CLI, the API, a bank file, a booking from the unmatched list. The ledger asks it of every posting before anything
/// is written, so all entrances accept and refuse alike and say so in the same words; the hosts only parse.
/// <list type="bullet">
/// <item>The amount is positive (a posting's kind gives its sign; a bank file's currency is checked by its reader).</item>
/// <item>It is dated not after today: money is booked when it has moved.</item>
/// <item>
/// A payment dated before its invoice was issued is booked, and flagged as paid in advance for a person to check
/// (<see cref="IsPaidInAdvance"/>): the timer issues a year's invoices the morning after a December approval and
/// municipalities pay them in December, some from the budget decision before the invoice reaches them.
/// </item>
/// <item>
/// But not from before the year preceding the one the invoice was issued in (<see cref="TooEarlyProblem"/>): a
/// payment of a 2026 invoice dated 1900-01-01 or 2016-12-10 is a mistyped date, not money paid in advance.
/// </item>
/// <item>A refund is not dated before the first money received on the invoice: nothing can be paid back before.</item>
/// <item>
/// Money from a bank file reached an account of the invoice's own issuer (<see cref="CheckAccount"/>): an entry on
/// one issuer's bankgiro is never booked on another issuer's invoice, by the import or by hand from the unmatched list.
/// </item>
/// </list>
/// </summary>
public static class PaymentAcceptance
{
    /// <exception cref="InvalidPaymentException">The amount is zero or negative.</exception>
    internal static void CheckAmount(InvoiceNumber invoice, PostingKind kind, Money amount)
    {
        if (amount <= Money.Zero)
        {
            throw kind switch
            {
                PostingKind.Reversal => new InvalidPaymentException(
                    $"Invoice {invoice}: a reversal takes back a positive amount, not {amount}.",
                    $"Faktura {invoice}: en återföring tar tillbaka ett positivt belopp, inte {amount}."),
                PostingKind.Deduction => new InvalidPaymentException(
                    $"Invoice {invoice}: a deduction takes off a positive amount, not {amount}.",
                    $"Faktura {invoice}: ett avdrag drar av ett positivt belopp, inte {amount}."),
                PostingKind.Refund => new InvalidPaymentException(
                    $"Invoice {invoice}: a refund must be a positive amount, not {amount}.",
                    $"Faktura {invoice}: en återbetalning måste vara ett positivt belopp, inte {amount}."),
                _ => new InvalidPaymentException(
                    $"Invoice {invoice}: a payment must be a positive amount, not {amount}.",
                    $"Faktura {invoice}: en betalning måste vara ett positivt belopp, inte {amount}."),
            };
        }
    }

    /// <exception cref="InvalidPaymentException">Dated after <paramref name="today"/>.</exception>
    internal static void CheckDate(InvoiceNumber invoice, PostingKind kind, DateOnly date, DateOnly today)
    {
        if (date > today)
        {
            var (what, when) = kind == PostingKind.Refund ? ("refund", "paid out") : ("payment", "received");
            var (whatSv, whenSv) = kind == PostingKind.Refund ? ("en återbetalning", "betalats ut") : ("en betalning", "kommit in");
            throw new InvalidPaymentException(
                $"Invoice {invoice}: a {what} dated {IsoDate.Format(date)} is after today ({IsoDate.Format(today)}); book it when it has been {when}.",
                $"Faktura {invoice}: {whatSv} daterad {IsoDate.Format(date)} är efter dagens datum ({IsoDate.Format(today)}); bokför den när den har {whenSv}.");
        }
    }

    /// <summary>True for a payment dated before the invoice was issued: booked, and flagged for a person to check.</summary>
    public static bool IsPaidInAdvance(DateOnly paidOn, DateOnly issued) => paidOn < issued;

    /// <summary>
    /// Why a payment dated <paramref name="paidOn"/> cannot be one of an invoice issued on <paramref name="issued"/>: it
    /// is dated before the year preceding the invoice's; null when it can.
    /// </summary>
    public static string? TooEarlyProblem(InvoiceNumber invoice, DateOnly paidOn, DateOnly issued)
    {
        var earliest = EarliestPayment(issued);
        return paidOn < earliest
            ? $"Invoice {invoice} was issued {IsoDate.Format(issued)}; a payment dated {IsoDate.Format(paidOn)}, before {IsoDate.Format(earliest)}, cannot be one of it (is the date mistyped?). Nothing was booked."
            : null;
    }

    /// <summary><see cref="TooEarlyProblem"/> in Swedish, for a payment it refuses.</summary>
    internal static string TooEarlySwedish(InvoiceNumber invoice, DateOnly paidOn, DateOnly issued) =>
        $"Faktura {invoice} utfärdades {IsoDate.Format(issued)}; en betalning daterad {IsoDate.Format(paidOn)}, före {IsoDate.Format(EarliestPayment(issued))}, kan inte vara en betalning av den (är datumet felskrivet?). Inget bokfördes.";

    /// <summary>The earliest date a payment of an invoice issued on <paramref name="issued"/> may have: 1 January of the year before.</summary>
    public static DateOnly EarliestPayment(DateOnly issued) => new(issued.Year - 1, 1, 1);

    /// <exception cref="InvalidPaymentException">A refund dated before <paramref name="firstReceived"/>, the first money received on the invoice (or with none received).</exception>
    internal static void CheckRefundDate(InvoiceNumber invoice, DateOnly paidOut, DateOnly? firstReceived)
    {
        if (firstReceived is null)
        {
            throw new InvalidPaymentException(
                $"Invoice {invoice}: no money has been received on it, so nothing can be paid back; nothing was booked.",
                $"Faktura {invoice}: inga pengar har kommit in på den, så inget kan betalas tillbaka; inget bokfördes.");
        }

        if (paidOut < firstReceived)
        {
            throw new InvalidPaymentException(
                $"Invoice {invoice}: a refund dated {IsoDate.Format(paidOut)} is before the first money received on it ({IsoDate.Format(firstReceived.Value)}); nothing was booked.",
                $"Faktura {invoice}: en återbetalning daterad {IsoDate.Format(paidOut)} är före den första inbetalningen på den ({IsoDate.Format(firstReceived.Value)}); inget bokfördes.");
        }
    }

    /// <summary>
    /// Money that came on <paramref name="account"/> (as a bank file names it) is booked only on an invoice of an issuer
    /// that account belongs to.
    /// </summary>
    /// <exception cref="InvalidPaymentException">The account is not one of <paramref name="issuer"/>'s, or is unknown.</exception>
    public static void CheckAccount(InvoiceKey invoice, string? account, Issuer issuer)
    {
        if (!issuer.ReceivingAccounts.Contains(account))
        {
            throw account is null
                ? new InvalidPaymentException(
                    $"Invoice {invoice.Number} ({invoice.Scheme}) is {issuer.Name}'s; this money names no account it reached, so it cannot be shown to be {issuer.Name}'s ({issuer.ReceivingAccounts.Describe()}). Nothing was booked.",
                    $"Faktura {invoice.Number} ({invoice.Scheme}) tillhör {issuer.Name}; betalningen anger inte vilket konto den kom till, så det går inte att visa att den tillhör {issuer.Name} ({issuer.ReceivingAccounts.Describe()}). Inget bokfördes.")
                : new InvalidPaymentException(
                    $"Invoice {invoice.Number} ({invoice.Scheme}) is {issuer.Name}'s, but this money reached account {account}, which is not {issuer.Name}'s ({issuer.ReceivingAccounts.Describe()}). Nothing was booked.",
                    $"Faktura {invoice.Number} ({invoice.Scheme}) tillhör {issuer.Name}, men betalningen kom till konto {account}, som inte tillhör {issuer.Name} ({issuer.ReceivingAccounts.Describe()}). Inget bokfördes.");
        }
    }
}
