using Invoicing.Invoices;

namespace Invoicing.Web.Contracts;

/// <summary>How an invoice stands on a given day in its chain (<see cref="DocumentBalance"/>), in the words the page shows.</summary>
public static class InvoiceStanding
{
    /// <summary>Money is still due on it and the due date has passed.</summary>
    public static bool IsOverdue(DocumentBalance balance, DateOnly today) =>
        balance is InvoiceBalance invoice && invoice.Due > Money.Zero && invoice.Invoice.DueDate < today;

    /// <summary>
    /// <c>kreditfaktura</c> for a credit note, <c>krediterad</c> when credits took all that was due,
    /// <c>återbetalas</c> when a credit on a paid invoice leaves a refund owed, <c>betald</c>, <c>överbetald</c>; while money is due <c>påmind</c> once a reminder has gone out, else
    /// <c>förfallen</c> past the due date, else <c>obetald</c> or <c>delbetald</c>. The most telling one wins:
    /// a reminded invoice is always also overdue.
    /// </summary>
    public static string DisplayStatus(DocumentBalance balance, DateOnly today) => balance.Status switch
    {
        PaymentStatus.Issued => "kreditfaktura",
        PaymentStatus.Overpaid when balance.Credited > Money.Zero => "återbetalas",
        PaymentStatus.Credited or PaymentStatus.Paid or PaymentStatus.Overpaid => balance.Status.InSwedish(),
        _ when balance is InvoiceBalance { Invoice.ReminderLevel: > 0 } => "påmind",
        _ when IsOverdue(balance, today) => "förfallen",
        var status => status.InSwedish(),
    };
}
