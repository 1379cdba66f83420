using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Mail;
using Invoicing.Parties;
using Invoicing.Storage;

namespace Invoicing.Issuing;

/// <summary>The e-mail that carries an issued invoice to a party with an invoice address. Pure.</summary>
public static class InvoiceMail
{
    public static string MessageIdFor(InvoiceKey invoice) => $"invoice-{invoice.Scheme}-{invoice.Year}-{invoice.Number}";

    /// <summary>The message for a document: an invoice asks for payment, a credit note says what it takes off.</summary>
    public static OutboxMessage Message(IssuedDocument document, Party party, Issuer issuer) => document switch
    {
        CreditNote creditNote => CreditNoteMessage(creditNote, party, issuer),
        Invoice invoice => InvoiceMessage(invoice, party, issuer),
        _ => throw new ArgumentException($"{document.Number} is neither an invoice nor a credit note.", nameof(document)),
    };

    private static OutboxMessage CreditNoteMessage(CreditNote creditNote, Party party, Issuer issuer) =>
        new(
            MessageIdFor(creditNote.Key),
            "credit-note",
            party.InvoiceEmail,
            $"Kreditfaktura {creditNote.Number} från {issuer.Name}",
            $"""
            Hej,

            Här kommer kreditfaktura {creditNote.Number} på {SwedishFormat.Amount(creditNote.Total)}. Den avser faktura {creditNote.Credits.Number}
            av {SwedishFormat.Date(creditNote.Credits.IssueDate)}: {creditNote.Reason}. Det finns inget att betala; beloppet
            dras av från fakturan. Kreditfakturan finns som PDF i bilagan.

            Med vänliga hälsningar
            {issuer.Name}
            {issuer.ContactName}, {issuer.ContactPhone}, {issuer.ContactEmail}
            """,
            [new OutboxAttachment(StorageNames.InvoicesContainer, creditNote.BlobName, $"kreditfaktura-{creditNote.Number}.pdf")]);

    private static OutboxMessage InvoiceMessage(Invoice invoice, Party party, Issuer issuer) =>
        new(
            MessageIdFor(invoice.Key),
            "invoice",
            party.InvoiceEmail,
            issuer.MailSubject($"Faktura {invoice.Number} från {issuer.Name}"),
            issuer.MailBody($"""
            Hej,

            Här kommer faktura {invoice.Number} på {SwedishFormat.Amount(invoice.Total)}, att betala senast {SwedishFormat.Date(invoice.DueDate)}
            till bankgiro {issuer.Bankgiro} med OCR-nummer {invoice.Ocr}. Fakturan finns som PDF i bilagan.

            Med vänliga hälsningar
            {issuer.Name}
            {issuer.ContactName}, {issuer.ContactPhone}, {issuer.ContactEmail}
            """),
            [new OutboxAttachment(StorageNames.InvoicesContainer, invoice.BlobName, $"faktura-{invoice.Number}.pdf")]);
}
