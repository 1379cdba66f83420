using Invoicing.Budgets;
using Invoicing.Parties;

namespace Invoicing.Invoices;

/// <summary>An issued invoice as recorded in Table Storage, with its payment status.</summary>
public sealed record Invoice(
    SchemeId Scheme,
    int Year,
    InvoiceNumber Number,
    PartyCode DebtorCode,
    string DebtorName,
    OcrReference Ocr,
    DateOnly IssueDate,
    DateOnly DueDate,
    IReadOnlyList<InvoiceLine> Lines,
    Money Net,
    Money Vat,
    Money Total,
    string BlobName,
    string PdfSha256)
{
    public PaymentStatus Status { get; init; } = PaymentStatus.Unpaid;

    public Money AmountPaid { get; init; } = Money.Zero;

    /// <summary>What remains to pay; negative when overpaid.</summary>
    public Money AmountDue => Total - AmountPaid;

    public DateOnly? LastPaymentDate { get; init; }

    /// <summary>How many reminders have been recorded (0, 1 or 2).</summary>
    public int ReminderLevel { get; init; }

    public DateOnly? LastReminderDate { get; init; }

    /// <summary>Set after the last reminder: a person takes over.</summary>
    public bool NeedsManualFollowUp { get; init; }

    public InvoiceKey Key => new(Scheme, Year, Number);

    /// <summary>The UBL e-invoice in container <c>einvoices</c>; null when the invoice has none (see <see cref="EInvoiceMissingReason"/>).</summary>
    public string? EInvoiceBlobName { get; init; }

    /// <summary>SHA-256 (lower-case hex) of the UBL e-invoice.</summary>
    public string? EInvoiceSha256 { get; init; }

    /// <summary>Why the invoice was issued as PDF only (e.g. the buyer has no buyer reference); null when it has an e-invoice.</summary>
    public string? EInvoiceMissingReason { get; init; }

    /// <summary>Blob name of an invoice's e-invoice: <c>{scheme}/{year}/{number}.xml</c>, next to its PDF's name.</summary>
    public static string EInvoiceBlobNameFor(SchemeId scheme, int year, InvoiceNumber number) =>
        $"{scheme}/{year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)}/{number}.xml";

    /// <summary>
    /// The invoice after a payment: the amount paid grows and the status follows from it. A payment must be
    /// positive; one to an invoice already paid in full is allowed (it is money received) and makes it Overpaid.
    /// </summary>
    public Invoice WithPayment(Money amount, DateOnly paidOn)
    {
        if (amount <= Money.Zero)
        {
            throw new InvalidPaymentException($"Invoice {Number}: a payment must be a positive amount, not {amount}.");
        }

        var paid = AmountPaid + amount;
        return this with { AmountPaid = paid, Status = StatusFor(paid), LastPaymentDate = LastPaymentDate is { } last && last > paidOn ? last : paidOn };
    }

    /// <summary>The invoice after reminder <paramref name="level"/>; levels go 1, 2 in order, and only while money is due.</summary>
    public Invoice WithReminder(int level, DateOnly remindedOn)
    {
        if (level != ReminderLevel + 1 || level > MaxReminderLevel)
        {
            throw new InvalidOperationException($"Invoice {Number}: reminder {level} cannot follow reminder level {ReminderLevel}.");
        }

        if (AmountDue <= Money.Zero)
        {
            throw new InvalidOperationException($"Invoice {Number} is {Status}; a paid invoice gets no reminder.");
        }

        return this with { ReminderLevel = level, LastReminderDate = remindedOn };
    }

    /// <summary>The invoice handed to a person after its last reminder.</summary>
    public Invoice WithManualFollowUp()
    {
        if (ReminderLevel != MaxReminderLevel || NeedsManualFollowUp)
        {
            throw new InvalidOperationException($"Invoice {Number}: manual follow-up comes once, after reminder {MaxReminderLevel}.");
        }

        return this with { NeedsManualFollowUp = true };
    }

    public const int MaxReminderLevel = 2;

    private PaymentStatus StatusFor(Money paid) =>
        paid == Money.Zero ? PaymentStatus.Unpaid
        : paid < Total ? PaymentStatus.PartiallyPaid
        : paid == Total ? PaymentStatus.Paid
        : PaymentStatus.Overpaid;

    public static string BlobNameFor(SchemeId scheme, int year, InvoiceNumber number) =>
        $"{scheme}/{year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)}/{number}.pdf";
}

/// <summary>An invoice line as issued; <see cref="BudgetLineNumber"/> ties it to the budget.</summary>
public sealed record InvoiceLine(int BudgetLineNumber, string Description, Money Amount);
