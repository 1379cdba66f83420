using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Mail;
using Invoicing.Parties;
using Invoicing.Storage;

namespace Invoicing.Reminders;

/// <summary>The reminder's PDF and e-mail, composed from the invoice, the recorded reminder and the party. Pure.</summary>
public static class ReminderLetter
{
    /// <summary>
    /// The reminder as its PDF shows it: the statement recorded with it (the invoice, its credits, payments and
    /// settlements), then fee and interest; the lines sum to "Att betala" or there is no document.
    /// </summary>
    /// <param name="schemeName">The scheme's display name (the budget's), not its id.</param>
    public static InvoiceDocument Document(Invoice invoice, ReminderRecord reminder, Party? party, Issuer issuer, string schemeName)
    {
        var lines = new List<DocumentLine>(reminder.Lines);
        if (reminder.Fee > Money.Zero)
        {
            lines.Add(new DocumentLine("Påminnelseavgift", reminder.Fee));
        }

        if (reminder.Interest > Money.Zero)
        {
            lines.Add(new DocumentLine($"Dröjsmålsränta enligt räntelagen från {SwedishFormat.Date(invoice.DueDate.AddDays(1))} till {SwedishFormat.Date(reminder.RemindedOn)}", reminder.Interest));
        }

        return new InvoiceDocument(
            issuer,
            new DocumentBuyer(invoice.DebtorName, party?.AddressLines ?? [], party?.OrganisationNumber?.ToString(), party?.BuyerReference),
            invoice.Number.ToString(),
            invoice.Ocr,
            reminder.RemindedOn,
            reminder.NewDueDate,
            $"Påminnelse {reminder.Level} avseende faktura {invoice.Number}, {schemeName}, år {invoice.Year}. Om ni redan har betalat kan ni bortse från denna påminnelse.",
            lines,
            reminder.Total,
            Money.Zero,
            reminder.Total)
        {
            Title = reminder.Level == 1 ? "Påminnelse" : $"Påminnelse {reminder.Level}",
            Kind = DocumentKind.Reminder,
        };
    }

    public static OutboxMessage Message(Invoice invoice, ReminderRecord reminder, Party? party, Issuer issuer) =>
        new(
            reminder.OutboxMessageId,
            "reminder",
            party?.InvoiceEmail,
            issuer.MailSubject($"Påminnelse {reminder.Level}: faktura {invoice.Number} från {issuer.Name}"),
            issuer.MailBody($"""
            Hej,

            Vi har ännu inte fått betalt för faktura {invoice.Number} ({SwedishFormat.Amount(invoice.Total)}, förföll {SwedishFormat.Date(invoice.DueDate)}).
            Kvar att betala: {SwedishFormat.Amount(reminder.Total)}.

            Betala senast {SwedishFormat.Date(reminder.NewDueDate)} till bankgiro {issuer.Bankgiro} med OCR-nummer {invoice.Ocr}.
            Påminnelsen finns som PDF i bilagan. Om ni redan har betalat kan ni bortse från den.

            Med vänliga hälsningar
            {issuer.Name}
            {issuer.ContactName}, {issuer.ContactPhone}, {issuer.ContactEmail}
            """),
            [new OutboxAttachment(StorageNames.RemindersContainer, reminder.BlobName, reminder.FileName)])
        {
            CancelIfPaid = invoice.Key,
        };
}
