namespace Invoicing.Invoices;

/// <summary>Where an invoice stands with its payments. Every invoice starts <see cref="Unpaid"/>, every credit note <see cref="Issued"/>.</summary>
public enum PaymentStatus
{
    Unpaid,
    PartiallyPaid,
    Paid,
    /// <summary>More was paid than is due after credits: a refund is owed.</summary>
    Overpaid,

    /// <summary>Credit notes took the whole amount off: nothing is due, nothing paid is kept, no reminder is sent.</summary>
    Credited,

    /// <summary>A credit note: nothing to pay; its amount is credited to the invoice it corrects.</summary>
    Issued,
}

/// <summary>The one rule that turns what a debt asks for and what of it remains into a status.</summary>
public static class PaymentStatuses
{
    /// <summary>
    /// <paramref name="asked"/> is what the invoice (or chain) asks for after its credits, <paramref name="remaining"/>
    /// what of it is still to pay after payments and refunds (negative: more was received than it asks for). Nothing
    /// remaining is <see cref="PaymentStatus.Paid"/>, or <see cref="PaymentStatus.Credited"/> when credits took it all
    /// (a voided invoice whose payment was refunded included).
    /// </summary>
    public static PaymentStatus For(Money asked, Money remaining) =>
        remaining > Money.Zero ? (remaining < asked ? PaymentStatus.PartiallyPaid : PaymentStatus.Unpaid)
        : remaining == Money.Zero ? (asked == Money.Zero ? PaymentStatus.Credited : PaymentStatus.Paid)
        : PaymentStatus.Overpaid;

    /// <summary>The status in a Swedish word: what the pages show for it (the list's status where nothing more telling applies) and the audit events' Swedish details.</summary>
    public static string InSwedish(this PaymentStatus status) => status switch
    {
        PaymentStatus.Unpaid => "obetald",
        PaymentStatus.PartiallyPaid => "delbetald",
        PaymentStatus.Paid => "betald",
        PaymentStatus.Overpaid => "överbetald",
        PaymentStatus.Credited => "krediterad",
        _ => "utfärdad",
    };
}
