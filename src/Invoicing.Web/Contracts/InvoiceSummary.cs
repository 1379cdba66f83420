using Invoicing.EInvoices;
using Invoicing.Invoices;

namespace Invoicing.Web.Contracts;

/// <summary>
/// One invoice in a list: who owes what, what is paid, and how it stands today. The amounts and the status are its
/// chain's (<see cref="DocumentChain"/>): a credit note counts on the document it names, and what one invoice received
/// beyond what it asks for settles what its supplementary invoices lack before anything is owed back.
/// </summary>
public record InvoiceSummary
{
    public required string Number { get; init; }

    public required string Scheme { get; init; }

    public required int Year { get; init; }

    public required string DebtorCode { get; init; }

    public required string DebtorName { get; init; }

    public required decimal Amount { get; init; }

    public required decimal AmountPaid { get; init; }

    /// <summary>What is still to pay on it; negative when money is owed back on it.</summary>
    public required decimal AmountDue { get; init; }

    public required string Ocr { get; init; }

    /// <summary><c>invoice</c> or <c>credit-note</c>; amounts are positive either way.</summary>
    public required string Kind { get; init; }

    /// <summary>The number of the invoice this document changes, or null.</summary>
    public required string? Corrects { get; init; }

    /// <summary>What credit notes took off this invoice.</summary>
    public required decimal Credited { get; init; }

    /// <summary>What the issuer owes back after payments, credits and refunds (0 when nothing).</summary>
    public required decimal RefundOwed { get; init; }

    /// <summary>Money already paid back to the party on this invoice.</summary>
    public decimal Refunded { get; init; }

    /// <summary>What the chain's other invoices' surplus paid of this one (negative: what its surplus paid of theirs).</summary>
    public decimal Settled { get; init; }

    /// <summary><see cref="PaymentStatus"/>: Unpaid, PartiallyPaid, Paid, Overpaid, Credited, Issued (a credit note).</summary>
    public required string Status { get; init; }

    /// <summary>See <see cref="InvoiceStanding.DisplayStatus"/>.</summary>
    public required string DisplayStatus { get; init; }

    public required bool Overdue { get; init; }

    public required int ReminderLevel { get; init; }

    public required bool NeedsManualFollowUp { get; init; }

    public required DateOnly IssueDate { get; init; }

    public required DateOnly DueDate { get; init; }

    /// <summary>Net amount and VAT, kronor (their sum is <see cref="Amount"/>).</summary>
    public required decimal Net { get; init; }

    public required decimal Vat { get; init; }

    /// <summary><c>{scheme}/{year}/{number}.pdf</c> in container <c>invoices</c>.</summary>
    public required string BlobName { get; init; }

    /// <summary>SHA-256 of the PDF, lower-case hex.</summary>
    public required string PdfSha256 { get; init; }

    /// <summary>True when the invoice has a Peppol BIS Billing 3.0 e-invoice (UBL) to download.</summary>
    public bool EInvoice { get; init; }

    /// <summary><c>{scheme}/{year}/{number}.xml</c> in container <c>einvoices</c>; null when PDF only.</summary>
    public string? EInvoiceBlobName { get; init; }

    /// <summary>SHA-256 of the UBL, lower-case hex; null when PDF only.</summary>
    public string? EInvoiceSha256 { get; init; }

    /// <summary>Why the invoice has no e-invoice (e.g. the buyer has no buyer reference); null when it has one.</summary>
    public string? EInvoiceMissingReason { get; init; }

    /// <summary><see cref="EInvoiceMissingReason"/> in Swedish, as the page shows it; null when the invoice has an e-invoice.</summary>
    public string? EInvoiceMissingSwedishReason { get; init; }

    /// <summary>The credit notes that name this invoice, in number order: "krediterad av" on the page. Empty when none.</summary>
    public IReadOnlyList<string> CreditedBy { get; init; } = [];

    /// <summary>The supplementary invoices that name this invoice, in number order: "tillägg" on the page. Empty when none.</summary>
    public IReadOnlyList<string> Supplements { get; init; } = [];

    /// <summary>
    /// The documents that correct another (credit notes, supplementary invoices), by the number of the one they name,
    /// in number order: for <see cref="From"/>, built once from a year's or a chain's documents.
    /// </summary>
    public static ILookup<InvoiceNumber, IssuedDocument> Corrections(IEnumerable<DocumentBalance> balances) =>
        balances.Select(b => b.Document)
            .Where(d => d.Corrects is { } corrects && corrects.Number != d.Number)
            .OrderBy(d => d.Number)
            .ToLookup(d => d.Corrects!.Number);

    /// <summary>
    /// The summary of <paramref name="balance"/>; with <paramref name="corrections"/> (<see cref="Corrections"/> of its
    /// year or chain) it names the credit notes and supplementary invoices that correct it.
    /// </summary>
    public static InvoiceSummary From(DocumentBalance balance, DateOnly today, ILookup<InvoiceNumber, IssuedDocument>? corrections = null)
    {
        var invoice = balance.Document;
        var correcting = corrections?[invoice.Number] ?? [];
        // The contract has these fields for every document; a credit note, which has none of them, keeps the values its
        // row has always carried (its number's OCR, its issue date, no reminders), so the JSON is what it was.
        var (ocr, dueDate, reminderLevel, manualFollowUp) = invoice switch
        {
            Invoice i => (i.Ocr, i.DueDate, i.ReminderLevel, i.NeedsManualFollowUp),
            _ => (invoice.Number.ToOcrReference(), invoice.IssueDate, 0, false),
        };
        return new()
        {
            CreditedBy = [.. correcting.OfType<CreditNote>().Select(d => d.Number.ToString())],
            Supplements = [.. correcting.OfType<Invoice>().Select(d => d.Number.ToString())],
            Number = invoice.Number.ToString(),
            Scheme = invoice.Scheme.Value,
            Year = invoice.Year,
            DebtorCode = invoice.DebtorCode.Value,
            DebtorName = invoice.DebtorName,
            Amount = Kronor.From(invoice.Total),
            AmountPaid = Kronor.From(balance.Paid),
            AmountDue = Kronor.From(balance.Remaining),
            Ocr = ocr.Value,
            Kind = Documents.DocumentKinds.ToText(invoice.Kind),
            Corrects = invoice.Corrects?.Number.ToString(),
            Credited = Kronor.From(balance.Credited),
            RefundOwed = Kronor.From(balance.RefundOwed),
            Refunded = Kronor.From(balance.Refunded),
            Settled = Kronor.From(balance.Settled),
            Status = balance.Status.ToString(),
            DisplayStatus = InvoiceStanding.DisplayStatus(balance, today),
            Overdue = InvoiceStanding.IsOverdue(balance, today),
            ReminderLevel = reminderLevel,
            NeedsManualFollowUp = manualFollowUp,
            IssueDate = invoice.IssueDate,
            DueDate = dueDate,
            Net = Kronor.From(invoice.Net),
            Vat = Kronor.From(invoice.Vat),
            BlobName = invoice.BlobName,
            PdfSha256 = invoice.PdfSha256,
            EInvoice = invoice.EInvoiceBlobName is not null,
            EInvoiceBlobName = invoice.EInvoiceBlobName,
            EInvoiceSha256 = invoice.EInvoiceSha256,
            EInvoiceMissingReason = invoice.EInvoiceMissingReason,
            EInvoiceMissingSwedishReason = invoice.EInvoiceBlobName is null ? EInvoiceEligibility.InSwedish(invoice.EInvoiceMissingReason) : null,
        };
    }
}
