using Invoicing.Allocation;
using Invoicing.Documents;
using Invoicing.Parties;

namespace Invoicing.Allocation;

/// <summary>
/// A document the run is to issue, before its number is taken: an invoice (ordinary, or supplementary when it
/// <see cref="Corrects"/> one) or a credit note. Line amounts are what the document itself states: asked for on
/// an invoice, credited on a credit note; <see cref="Net"/> is always positive.
/// </summary>
public sealed record PlannedDocument(
    Party Debtor,
    DocumentKind Kind,
    IReadOnlyList<PlannedInvoiceLine> Lines,
    int Revision,
    DocumentReference? Corrects,
    string? Reason)
{
    public Money Net => Money.Sum(Lines.Select(l => l.Amount));

    /// <summary>
    /// The decision that made a revision's document (the revision's, never the budget's first one); null on a first
    /// invoice, which rests on the budget's own decision.
    /// </summary>
    public Budgets.BudgetDecision? Decision { get; init; }

    /// <summary>For a credit note voiding an invoice issued by mistake: that invoice (<see cref="InvoiceVoiding"/>).</summary>
    public InvoiceNumber? Voids { get; init; }

    /// <summary>
    /// How the party's share the document brings it to was computed (<see cref="PlannedInvoice.Specification"/>): the
    /// budget's share on a first invoice, the revision's on a revision's credit note or supplementary invoice; null on
    /// a void and for a party the revision leaves with no share.
    /// </summary>
    public ShareSpecification? Specification { get; init; }

    /// <summary>An ordinary invoice of the budget as first approved.</summary>
    public static PlannedDocument FirstInvoice(PlannedInvoice planned) =>
        new(planned.Debtor, DocumentKind.Invoice, planned.Lines, 0, null, null) { Specification = planned.Specification };
}
