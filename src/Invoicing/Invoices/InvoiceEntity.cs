using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.Parties;

namespace Invoicing.Invoices;

/// <summary>
/// Table <c>Invoices</c>: partition = <c>{scheme}:{year}</c> (a year's invoices are listed with one partition
/// query), row key = invoice number. Money as öre (<c>long</c>), dates as ISO strings. The payment fields
/// are written Unpaid at issue and kept by the payments work under ETag concurrency.
/// </summary>
internal sealed class InvoiceEntity : ITableEntity
{
    /// <summary>The invoice row; its payments and reminders share the partition (see <see cref="RecordType"/>).</summary>
    public const string InvoiceRecord = "Invoice";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>
    /// <c>Invoice</c> here; the invoice's payment and reminder records in the same partition have their own
    /// types, so one entity group transaction can record a payment and update the invoice together.
    /// </summary>
    public string RecordType { get; set; } = InvoiceRecord;

    public string Scheme { get; set; } = "";

    public int Year { get; set; }

    public string DebtorCode { get; set; } = "";

    public string DebtorName { get; set; } = "";

    public string Ocr { get; set; } = "";

    public string IssueDate { get; set; } = "";

    public string DueDate { get; set; } = "";

    /// <summary>JSON array of <c>{ budgetLine, description, amountOre }</c>.</summary>
    public string LinesJson { get; set; } = "[]";

    public long NetOre { get; set; }

    public long VatOre { get; set; }

    public long TotalOre { get; set; }

    public string BlobName { get; set; } = "";

    /// <summary>SHA-256 (lower-case hex) of the PDF in <see cref="BlobName"/>.</summary>
    public string PdfSha256 { get; set; } = "";

    /// <summary>Blob name of the UBL e-invoice in container <c>einvoices</c>; null when there is none.</summary>
    public string? EInvoiceBlobName { get; set; }

    /// <summary>SHA-256 (lower-case hex) of the e-invoice.</summary>
    public string? EInvoiceSha256 { get; set; }

    /// <summary>Why there is no e-invoice (PDF only), for the list and the page.</summary>
    public string? EInvoiceMissingReason { get; set; }

    public string Status { get; set; } = nameof(PaymentStatus.Unpaid);

    public long AmountPaidOre { get; set; }

    /// <summary>What this document alone still lacks (<see cref="Invoice.OwnRemaining"/>; zero on a credit note): the reminder run's query index.</summary>
    public long AmountDueOre { get; set; }

    public string? LastPaymentDate { get; set; }

    public int ReminderLevel { get; set; }

    public string? LastReminderDate { get; set; }

    public bool NeedsManualFollowUp { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    /// <summary><c>invoice</c> or <c>credit-note</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>The number of the invoice this document changes, if any.</summary>
    public string? CorrectsNumber { get; set; }

    public string? CorrectsIssueDate { get; set; }

    public string? Reason { get; set; }

    /// <summary>The budget revision the document was issued for; absent (0) on the first approval's invoices.</summary>
    public int Revision { get; set; }

    /// <summary>What credit notes have taken off this invoice, in öre.</summary>
    public long CreditedOre { get; set; }

    /// <summary>Money paid back to the party on this invoice, in öre; absent (0) on rows written before refunds.</summary>
    public long RefundedOre { get; set; }

    public static string PartitionKeyFor(SchemeId scheme, int year) => $"{scheme}:{year.ToString("0000", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The row of an issued document. A credit note's row keeps the shape of an invoice's (one table, one
    /// entity): its OCR is its number's, its due date its issue date, its status <see cref="PaymentStatus.Issued"/> and
    /// its balance fields zero, as they were written before a credit note had its own type.
    /// </summary>
    public static InvoiceEntity From(IssuedDocument document, DateTimeOffset issuedAt)
    {
        var entity = new InvoiceEntity
        {
            PartitionKey = PartitionKeyFor(document.Scheme, document.Year),
            RowKey = document.Number.ToString(),
            Scheme = document.Scheme.Value,
            Year = document.Year,
            DebtorCode = document.DebtorCode.Value,
            DebtorName = document.DebtorName,
            IssueDate = IsoDate.Format(document.IssueDate),
            LinesJson = JsonSerializer.Serialize(document.Lines.Select(l => new LineJson(l.BudgetLineNumber, l.Description, l.Amount.Ore)), Json),
            NetOre = document.Net.Ore,
            VatOre = document.Vat.Ore,
            TotalOre = document.Total.Ore,
            BlobName = document.BlobName,
            PdfSha256 = document.PdfSha256,
            EInvoiceBlobName = document.EInvoiceBlobName,
            EInvoiceSha256 = document.EInvoiceSha256,
            EInvoiceMissingReason = document.EInvoiceMissingReason,
            IssuedAt = issuedAt,
            Kind = document.Kind.ToText(),
            CorrectsNumber = document.Corrects?.Number.ToString(),
            CorrectsIssueDate = document.Corrects is { } corrects ? IsoDate.Format(corrects.IssueDate) : null,
            Reason = document.Reason,
            Revision = document.Revision,
        };
        switch (document)
        {
            case Invoice invoice:
                entity.Ocr = invoice.Ocr.Value;
                entity.DueDate = IsoDate.Format(invoice.DueDate);
                entity.Status = invoice.Status.ToString();
                entity.AmountPaidOre = invoice.AmountPaid.Ore;
                entity.AmountDueOre = invoice.OwnRemaining.Ore;
                entity.LastPaymentDate = invoice.LastPaymentDate is { } paid ? IsoDate.Format(paid) : null;
                entity.ReminderLevel = invoice.ReminderLevel;
                entity.LastReminderDate = invoice.LastReminderDate is { } reminded ? IsoDate.Format(reminded) : null;
                entity.NeedsManualFollowUp = invoice.NeedsManualFollowUp;
                entity.CreditedOre = invoice.Credited.Ore;
                entity.RefundedOre = invoice.Refunded.Ore;
                break;
            case CreditNote:
                entity.Ocr = document.Number.ToOcrReference().Value;
                entity.DueDate = entity.IssueDate;
                entity.Status = nameof(PaymentStatus.Issued);
                break;
        }

        return entity;
    }

    /// <summary>The document this row records: an <see cref="Invoice"/> or a <see cref="CreditNote"/>, by its <see cref="Kind"/>.</summary>
    /// <exception cref="InvalidDataException">The row is not a valid document (naming the partition and row).</exception>
    public IssuedDocument ToDocument()
    {
        try
        {
            var lines = (JsonSerializer.Deserialize<LineJson[]>(LinesJson, Json) ?? []).Select(l => new InvoiceLine(l.BudgetLine, l.Description, new Money(l.AmountOre))).ToArray();
            var corrects = CorrectsNumber is null ? null : new DocumentReference(InvoiceNumber.Parse(CorrectsNumber), IsoDate.Parse(CorrectsIssueDate ?? ""));
            return DocumentKinds.Parse(Kind) switch
            {
                DocumentKind.CreditNote => new CreditNote(
                    new SchemeId(Scheme),
                    Year,
                    InvoiceNumber.Parse(RowKey),
                    new PartyCode(DebtorCode),
                    DebtorName,
                    IsoDate.Parse(IssueDate),
                    lines,
                    new Money(NetOre),
                    new Money(VatOre),
                    new Money(TotalOre),
                    BlobName,
                    PdfSha256,
                    corrects ?? throw new FormatException("a credit note names no invoice it credits (CorrectsNumber)."))
                {
                    Reason = Reason,
                    Revision = Revision,
                    EInvoiceBlobName = EInvoiceBlobName,
                    EInvoiceSha256 = EInvoiceSha256,
                    EInvoiceMissingReason = EInvoiceMissingReason,
                },
                _ => new Invoice(
                    new SchemeId(Scheme),
                    Year,
                    InvoiceNumber.Parse(RowKey),
                    new PartyCode(DebtorCode),
                    DebtorName,
                    new OcrReference(Ocr),
                    IsoDate.Parse(IssueDate),
                    IsoDate.Parse(DueDate),
                    lines,
                    new Money(NetOre),
                    new Money(VatOre),
                    new Money(TotalOre),
                    BlobName,
                    PdfSha256)
                {
                    Status = Enum.Parse<PaymentStatus>(Status),
                    AmountPaid = new Money(AmountPaidOre),
                    LastPaymentDate = LastPaymentDate is null ? null : IsoDate.Parse(LastPaymentDate),
                    ReminderLevel = ReminderLevel,
                    LastReminderDate = LastReminderDate is null ? null : IsoDate.Parse(LastReminderDate),
                    NeedsManualFollowUp = NeedsManualFollowUp,
                    AddsTo = corrects,
                    Reason = Reason,
                    Revision = Revision,
                    Credited = new Money(CreditedOre),
                    Refunded = new Money(RefundedOre),
                    EInvoiceBlobName = EInvoiceBlobName,
                    EInvoiceSha256 = EInvoiceSha256,
                    EInvoiceMissingReason = EInvoiceMissingReason,
                },
            };
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            throw new InvalidDataException($"Table Invoices, partition {PartitionKey}, row {RowKey}: {e.Message}", e);
        }
    }

    /// <summary>The invoice this row records, where only an invoice can be (a payment, a credit, a reminder changes it).</summary>
    /// <exception cref="InvalidDataException">The row is a credit note, or not a valid document.</exception>
    public Invoice ToInvoice() => ToDocument() as Invoice
        ?? throw new InvalidDataException($"Table Invoices, partition {PartitionKey}, row {RowKey}: a credit note where an invoice was expected.");

    private sealed record LineJson(int BudgetLine, string Description, long AmountOre);
}
