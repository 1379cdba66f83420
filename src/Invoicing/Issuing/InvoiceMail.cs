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

    public static OutboxMessage Message(Invoice invoice, Party party, Issuer issuer) => invoice.IsCreditNote
        ? new(
            MessageIdFor(invoice.Key),
            "credit-note",
            party.InvoiceEmail,
            $"Kreditfaktura {invoice.Number} från {issuer.Name}",
            $"""
            Hej,

            Här kommer kreditfaktura {invoice.Number} på {SwedishFormat.Amount(invoice.Total)}. Den avser faktura {invoice.Corrects?.Number}
            av {(invoice.Corrects is { } c ? SwedishFormat.Date(c.IssueDate) : "")}: {invoice.Reason}. Det finns inget att betala; beloppet
            dras av från fakturan. Kreditfakturan finns som PDF i bilagan.

            Med vänliga hälsningar
            {issuer.Name}
            {issuer.ContactName}, {issuer.ContactPhone}, {issuer.ContactEmail}
            """,
            [new OutboxAttachment(StorageNames.InvoicesContainer, invoice.BlobName, $"kreditfaktura-{invoice.Number}.pdf")])
        : new(
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
