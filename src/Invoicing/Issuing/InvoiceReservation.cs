using Invoicing.Budgets;
using Invoicing.Parties;

namespace Invoicing.Issuing;

/// <summary>
/// A number taken from the series for one (scheme, year, debtor), with the dates it was issued under.
/// Once taken it is that invoice's forever: a resumed run finds it and finishes the same invoice.
/// </summary>
public sealed record InvoiceReservation(SchemeId Scheme, PartyCode Debtor, InvoiceNumber Number, DateOnly IssueDate, DateOnly DueDate)
{
    /// <summary>For a void's credit note: the invoice it voids and the reason it was begun with.</summary>
    public InvoiceNumber? Voids { get; init; }

    public string? Reason { get; init; }

    public OcrReference Ocr => Number.ToOcrReference();
}
