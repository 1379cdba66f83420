using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.Issuers;
using Microsoft.Extensions.Logging;

namespace Invoicing.Invoices;

/// <summary>
/// Issues one planned document (an invoice, a supplementary invoice or a credit note) in steps that are each
/// idempotent, so any run can repeat or resume them:
/// <list type="number">
/// <item>take (or find) the number reserved for this scheme, year, debtor and revision;</item>
/// <item>stop if the invoice is already recorded;</item>
/// <item>render the PDF (a pure function of the reservation, plan and issuer);</item>
/// <item>write it unless the blob exists (<c>If-None-Match: *</c>);</item>
/// <item>write its UBL e-invoice the same way (<c>einvoices/</c>), or note why it has none;</item>
/// <item>record it, with both hashes, unless it is already recorded: an invoice Unpaid (<c>AddEntity</c> conflict),
/// a credit note together with the credit on the invoice it corrects (one transaction);</item>
/// <item>hand the e-invoice to the operator (<c>einvoices-outbox/</c>, once) when the party has a Peppol endpoint;</item>
/// <item>queue its e-mail in the outbox when the party has an invoice address (idempotent by message id).</item>
/// </list>
/// The entity is written last, so a recorded invoice always has its PDF; a crash anywhere before that
/// leaves a reservation the next run completes under the same number, so the series has no gap.
/// </summary>
public sealed partial class InvoiceIssuing(
    InvoiceNumberSeries series,
    InvoiceStore invoices,
    InvoiceArchive archive,
    InvoicePdfRenderer renderer,
    Mail.Outbox outbox,
    EInvoices.EInvoiceOutbox einvoiceOutbox,
    ILogger<InvoiceIssuing> logger)
{
    public Task<IssueOutcome> IssueAsync(Budget budget, PlannedInvoice planned, Issuer issuer, DateOnly today, CancellationToken cancellationToken) =>
        IssueAsync(budget, PlannedDocument.FirstInvoice(planned), issuer, today, cancellationToken);

    public async Task<IssueOutcome> IssueAsync(Budget budget, PlannedDocument planned, Issuer issuer, DateOnly today, CancellationToken cancellationToken)
    {
        // A credit note asks for nothing, so it falls due on the day it is issued.
        var dueDate = planned.Kind == DocumentKind.CreditNote ? today : today.AddDays(issuer.Terms.PaymentTermsDays);
        var reservation = await series.ReserveAsync(
            issuer.Id, budget.Scheme, budget.Year, planned.Debtor.Code, today, dueDate, cancellationToken, planned.Revision);

        if (await invoices.FindAsync(budget.Scheme, budget.Year, reservation.Number, cancellationToken) is { } issued)
        {
            await einvoiceOutbox.HandOffAsync(issued, planned.Debtor, cancellationToken);
            await MailAsync(issued, planned.Debtor, issuer, cancellationToken);
            return IssueOutcome.AlreadyIssued;
        }

        var (invoice, document) = InvoiceComposer.Compose(budget, planned, issuer, reservation);
        var (sha256, pdfCreated) = await archive.WriteIfAbsentAsync(invoice.BlobName, renderer.Render(document), cancellationToken);
        if (!pdfCreated)
        {
            LogPdfAlreadyThere(invoice.Number, invoice.BlobName);
        }

        invoice = await WriteEInvoiceAsync(invoice with { PdfSha256 = sha256 }, document, cancellationToken);
        var created = await invoices.RecordAsync(invoice, cancellationToken);
        await einvoiceOutbox.HandOffAsync(invoice, planned.Debtor, cancellationToken);
        await MailAsync(invoice, planned.Debtor, issuer, cancellationToken);
        if (created)
        {
            var total = invoice.Total.ToInvariantString();
            var kind = invoice.Kind.ToText();
            LogIssued(kind, invoice.Number, invoice.DebtorCode.Value, invoice.DebtorName, total, budget.Key);
        }

        return created ? IssueOutcome.Created : IssueOutcome.AlreadyIssued;
    }

    /// <summary>
    /// Writes the UBL rendering of the same document model next to the PDF, once; or records why the invoice is
    /// PDF only (e.g. no buyer reference), so the list and the page can say so.
    /// </summary>
    private async Task<Invoice> WriteEInvoiceAsync(Invoice invoice, Documents.InvoiceDocument document, CancellationToken cancellationToken)
    {
        if (EInvoices.EInvoiceEligibility.WhyNot(document) is { } reason)
        {
            return invoice with { EInvoiceMissingReason = reason };
        }

        var blobName = Invoice.EInvoiceBlobNameFor(invoice.Scheme, invoice.Year, invoice.Number);
        var (sha256, _) = await archive.WriteIfAbsentAsync(
            Storage.StorageNames.EInvoicesContainer, blobName, EInvoices.UblWriter.Write(document), cancellationToken, EInvoices.UblWriter.ContentType);
        return invoice with { EInvoiceBlobName = blobName, EInvoiceSha256 = sha256 };
    }

    /// <summary>
    /// Queues the invoice's e-mail when the party has an invoice address (idempotent by message id, so a
    /// resumed run queues what an interrupted one did not). Parties without one get their invoice by hand.
    /// </summary>
    private async Task MailAsync(Invoice invoice, Parties.Party debtor, Issuer issuer, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(debtor.InvoiceEmail))
        {
            await outbox.EnqueueAsync(InvoiceMail.Message(invoice, debtor, issuer), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued {Kind} {InvoiceNumber} to {DebtorCode} {DebtorName}, {Total} SEK, budget {Budget}")]
    private partial void LogIssued(string kind, InvoiceNumber invoiceNumber, string debtorCode, string debtorName, string total, string budget);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoice {InvoiceNumber}: PDF {BlobName} was already written by an earlier attempt; completing the invoice")]
    private partial void LogPdfAlreadyThere(InvoiceNumber invoiceNumber, string blobName);
}
