using Invoicing.Parties;

namespace Invoicing.Issuing;

/// <summary>
/// A document that needs a number: the debtor and budget revision it is for (its reservation's natural key) and
/// the dates a new reservation is taken with. An existing reservation keeps the dates it was taken with. A void's
/// credit note (<see cref="Voids"/>) is keyed by the invoice it voids instead, so an invoice is voided by one
/// number, and keeps the <see cref="Reason"/> it was begun with, so a resumed void prints what the first attempt did.
/// </summary>
public sealed record NumberRequest(PartyCode Debtor, int Revision, DateOnly IssueDate, DateOnly DueDate)
{
    public InvoiceNumber? Voids { get; init; }

    public string? Reason { get; init; }
}
