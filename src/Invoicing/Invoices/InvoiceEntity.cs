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

    /// <summary>What this document alone still lacks (<see cref="Invoice.OwnRemaining"/>): the reminder run's query index.</summary>
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

    public static InvoiceEntity From(Invoice invoice, DateTimeOffset issuedAt) => new()
    {
        PartitionKey = PartitionKeyFor(invoice.Scheme, invoice.Year),
        RowKey = invoice.Number.ToString(),
        Scheme = invoice.Scheme.Value,
        Year = invoice.Year,
        DebtorCode = invoice.DebtorCode.Value,
        DebtorName = invoice.DebtorName,
        Ocr = invoice.Ocr.Value,
        IssueDate = IsoDate.Format(invoice.IssueDate),
        DueDate = IsoDate.Format(invoice.DueDate),
        LinesJson = JsonSerializer.Serialize(invoice.Lines.Select(l => new LineJson(l.BudgetLineNumber, l.Description, l.Amount.Ore)), Json),
        NetOre = invoice.Net.Ore,
        VatOre = invoice.Vat.Ore,
        TotalOre = invoice.Total.Ore,
        BlobName = invoice.BlobName,
        PdfSha256 = invoice.PdfSha256,
        EInvoiceBlobName = invoice.EInvoiceBlobName,
        EInvoiceSha256 = invoice.EInvoiceSha256,
        EInvoiceMissingReason = invoice.EInvoiceMissingReason,
        Status = invoice.Status.ToString(),
        AmountPaidOre = invoice.AmountPaid.Ore,
        AmountDueOre = invoice.OwnRemaining.Ore,
        LastPaymentDate = invoice.LastPaymentDate is { } paid ? IsoDate.Format(paid) : null,
        ReminderLevel = invoice.ReminderLevel,
        LastReminderDate = invoice.LastReminderDate is { } reminded ? IsoDate.Format(reminded) : null,
        NeedsManualFollowUp = invoice.NeedsManualFollowUp,
        IssuedAt = issuedAt,
        Kind = invoice.Kind.ToText(),
        CorrectsNumber = invoice.Corrects?.Number.ToString(),
        CorrectsIssueDate = invoice.Corrects is { } corrects ? IsoDate.Format(corrects.IssueDate) : null,
        Reason = invoice.Reason,
        Revision = invoice.Revision,
        CreditedOre = invoice.Credited.Ore,
        RefundedOre = invoice.Refunded.Ore,
    };

    public Invoice ToInvoice()
    {
        try
        {
            var lines = JsonSerializer.Deserialize<LineJson[]>(LinesJson, Json) ?? [];
            return new Invoice(
                new SchemeId(Scheme),
                Year,
                InvoiceNumber.Parse(RowKey),
                new PartyCode(DebtorCode),
                DebtorName,
                new OcrReference(Ocr),
                IsoDate.Parse(IssueDate),
                IsoDate.Parse(DueDate),
                lines.Select(l => new InvoiceLine(l.BudgetLine, l.Description, new Money(l.AmountOre))).ToArray(),
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
                Kind = DocumentKinds.Parse(Kind),
                Corrects = CorrectsNumber is null ? null : new DocumentReference(InvoiceNumber.Parse(CorrectsNumber), IsoDate.Parse(CorrectsIssueDate ?? "")),
                Reason = Reason,
                Revision = Revision,
                Credited = new Money(CreditedOre),
                Refunded = new Money(RefundedOre),
                EInvoiceBlobName = EInvoiceBlobName,
                EInvoiceSha256 = EInvoiceSha256,
                EInvoiceMissingReason = EInvoiceMissingReason,
            };
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            throw new InvalidDataException($"Table Invoices, partition {PartitionKey}, row {RowKey}: {e.Message}", e);
        }
    }

    private sealed record LineJson(int BudgetLine, string Description, long AmountOre);
}
