using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Payments;

namespace Invoicing.Reminders;

/// <summary>
/// What a reminder says an invoice still lacks, line by line, as its chain (<see cref="DocumentChain"/>) computes it:
/// the invoice's total, each credit note taken off it, each payment on it (reversals and refunds too), and what its
/// chain's other invoices settled of it. The lines sum to what is due on it, or there is no statement. Pure.
/// </summary>
public static class ReminderStatement
{
    /// <summary>
    /// Up to this many payment records are listed one by one; more (a party paying in many parts) are summed per kind
    /// with their first and last date, so a reminder always fits its one page.
    /// </summary>
    public const int PaymentsListedOneByOne = 6;

    /// <summary>
    /// The lines for invoice <paramref name="number"/> of <paramref name="chain"/>, given the invoice's payment records;
    /// null when they do not add up to what the chain says remains on it (records and balance read at different moments).
    /// </summary>
    public static IReadOnlyList<DocumentLine>? Lines(DocumentChain chain, InvoiceNumber number, IReadOnlyList<PaymentRecord> payments)
    {
        var balance = chain.InvoiceBalanceOf(number);
        var invoice = balance.Invoice;
        var due = $"förföll till betalning {SwedishFormat.Date(invoice.DueDate)}";
        var lines = new List<DocumentLine>
        {
            new(invoice.Corrects is { } adds
                ? $"Tilläggsfaktura {invoice.Number} till faktura {adds.Number}, daterad {SwedishFormat.Date(invoice.IssueDate)}, {due}"
                : $"Faktura {invoice.Number} daterad {SwedishFormat.Date(invoice.IssueDate)}, {due}",
                invoice.Total),
        };
        foreach (var part in chain.Credits.Where(c => c.Invoice == number))
        {
            var whole = part.Amount == part.CreditNote.Total ? "" : $" (del av {SwedishFormat.Amount(part.CreditNote.Total)})";
            lines.Add(new DocumentLine($"Kreditfaktura {part.CreditNote.Number} daterad {SwedishFormat.Date(part.CreditNote.IssueDate)}{whole}", -part.Amount));
        }

        var own = payments.Where(p => p.Invoice == number).OrderBy(p => p.PaidOn).ThenBy(p => p.BookedAt).ToArray();
        if (own.Length <= PaymentsListedOneByOne)
        {
            lines.AddRange(own.Select(p => new DocumentLine($"{Label(p, one: true)} {SwedishFormat.Date(p.PaidOn)}", -p.Amount)));
        }
        else
        {
            foreach (var kind in own.GroupBy(p => p.Flag == PaymentFlag.Reversal || p.Flag == PaymentFlag.Refund ? p.Flag : PaymentFlag.None).OrderBy(g => g.Key))
            {
                var first = kind.First();
                var dates = $"{SwedishFormat.Date(first.PaidOn)}–{SwedishFormat.Date(kind.Last().PaidOn)}";
                lines.Add(new DocumentLine($"{Label(first, one: false)} {dates} ({kind.Count()} st)", -Money.Sum(kind.Select(p => p.Amount))));
            }
        }

        foreach (var settlement in chain.Settlements.Where(s => s.To == number))
        {
            lines.Add(new DocumentLine($"Överbetalt på faktura {settlement.From}, avräknat", -settlement.Amount));
        }

        foreach (var settlement in chain.Settlements.Where(s => s.From == number))
        {
            lines.Add(new DocumentLine($"Överbetalt, avräknat mot faktura {settlement.To}", settlement.Amount));
        }

        return Money.Sum(lines.Select(l => l.Amount)) == balance.Remaining ? lines : null;
    }

    private static string Label(PaymentRecord payment, bool one) => payment.Flag switch
    {
        PaymentFlag.Reversal => one ? "Återförd inbetalning" : "Återförda inbetalningar",
        PaymentFlag.Refund => one ? "Återbetalt till er" : "Återbetalningar till er",
        _ => one ? "Inbetalt" : "Inbetalningar",
    };
}
