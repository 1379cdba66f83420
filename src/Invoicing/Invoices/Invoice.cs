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

    public Money AmountDue => Total - AmountPaid;

    public int ReminderLevel { get; init; }

    public static string BlobNameFor(SchemeId scheme, int year, InvoiceNumber number) =>
        $"{scheme}/{year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)}/{number}.pdf";
}

/// <summary>An invoice line as issued; <see cref="BudgetLineNumber"/> ties it to the budget.</summary>
public sealed record InvoiceLine(int BudgetLineNumber, string Description, Money Amount);
