using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.EInvoices;
using Invoicing.Invoices;
using Invoicing.Issuers;

namespace Invoicing.Issuing;

/// <summary>
/// Puts a planned document, its reserved number and the issuer together into the record and the document
/// model. Pure: a resumed run composes exactly what the interrupted one did. The model of a document that is
/// PDF only (<see cref="EInvoiceEligibility"/>) carries no attachment.
/// </summary>
public static class InvoiceComposer
{
    public static (IssuedDocument Issued, InvoiceDocument Document) Compose(
        Budget budget,
        PlannedInvoice planned,
        Issuer issuer,
        InvoiceReservation reservation) =>
        Compose(budget, PlannedDocument.FirstInvoice(planned), issuer, reservation);

    public static (IssuedDocument Issued, InvoiceDocument Document) Compose(
        Budget budget,
        PlannedDocument planned,
        Issuer issuer,
        InvoiceReservation reservation)
    {
        var net = planned.Net;
        var vat = issuer.Terms.VatOn(net);
        var total = net + vat;
        var lines = planned.Lines.Select(l => new InvoiceLine(l.BudgetLineNumber, l.Description, l.Amount)).ToArray();
        var blobName = IssuedDocument.BlobNameFor(budget.Scheme, budget.Year, reservation.Number);
        // The plan says which document it is; from here on the type does.
        IssuedDocument issued = planned.Kind == DocumentKind.CreditNote
            ? new CreditNote(
                budget.Scheme,
                budget.Year,
                reservation.Number,
                planned.Debtor.Code,
                planned.Debtor.Name,
                reservation.IssueDate,
                lines,
                net,
                vat,
                total,
                blobName,
                PdfSha256: "",
                planned.Corrects ?? throw new InvalidOperationException($"The planned credit note {reservation.Number} names no invoice it credits."))
            {
                Reason = planned.Reason,
                Revision = planned.Revision,
            }
            : new Invoice(
                budget.Scheme,
                budget.Year,
                reservation.Number,
                planned.Debtor.Code,
                planned.Debtor.Name,
                reservation.Ocr,
                reservation.IssueDate,
                reservation.DueDate,
                lines,
                net,
                vat,
                total,
                blobName,
                PdfSha256: "")
            {
                AddsTo = planned.Corrects,
                Reason = planned.Reason,
                Revision = planned.Revision,
            };
        var document = new InvoiceDocument(
            issuer,
            new DocumentBuyer(
                planned.Debtor.Name,
                planned.Debtor.AddressLines,
                planned.Debtor.OrganisationNumber?.ToString(),
                planned.Debtor.BuyerReference)
            {
                Endpoint = planned.Debtor.PeppolEndpoint,
            },
            reservation.Number.ToString(),
            reservation.Ocr,
            reservation.IssueDate,
            reservation.DueDate,
            $"{budget.SchemeName}, år {budget.Year}",
            lines.Select(l => new DocumentLine(l.Description, l.Amount)).ToArray(),
            net,
            vat,
            total)
        {
            // A void rests on its reason, not on the budget decision the invoice it voids rested on.
            Basis = planned.Voids is null ? Basis(budget, planned) : [],
            Title = planned.Kind.Title(),
            Kind = planned.Kind,
            Corrects = planned.Corrects,
            Reason = planned.Reason,
            // A void rests on its reason, not on a budget decision.
            DecisionNote = planned.Voids is null && DecisionOf(budget, planned) is { } decision ? $"Beslut {SwedishFormat.Date(decision.DecidedOn)}, {decision.Reference}" : null,
        };

        // The specification is the e-invoice's attachment and nothing else's (the PDF prints lines and basis), and it
        // lists every member of the pool: composed only for a document that becomes an e-invoice. Eligibility reads the
        // buyer, the terms and the kind, never the attachments, so asking before they are added gives the same answer.
        if (EInvoiceEligibility.WhyNot(document) is null && Specification(budget, planned, reservation.Number.ToString()) is { } specification)
        {
            document = document with { Attachments = [specification] };
        }

        return (issued, document);
    }

    /// <summary>
    /// The decision that made the document: the budget's for a first invoice, the revision's for a credit note or a
    /// supplementary invoice (a receiver of the e-invoice sees only this, not the PDF's "Anledning").
    /// </summary>
    private static BudgetDecision? DecisionOf(Budget budget, PlannedDocument planned) => planned.Revision == 0 ? budget.Decision : planned.Decision;

    /// <summary>
    /// The e-invoice's specification of the share the document brings the party to, standing on the same decision as
    /// the document; a void has none (it rests on its reason, and its planned document carries no share).
    /// </summary>
    private static DocumentAttachment? Specification(Budget budget, PlannedDocument planned, string number) =>
        planned.Voids is null && planned.Specification is { } specification
            ? ShareSpecificationCsv.Attachment(specification with { Decision = DecisionOf(budget, planned), Revision = planned.Revision }, number)
            : null;

    /// <summary>The decision the invoice rests on, and where each population figure on it comes from.</summary>
    private static string[] Basis(Budget budget, PlannedDocument planned)
    {
        var decision = budget.Decision is { } d
            ? $"Enligt budgetbeslut {SwedishFormat.Date(d.DecidedOn)}, {d.Reference}."
            : null;
        return [.. new[] { decision }.Concat(planned.Lines.Select(l => l.PopulationBasis)).OfType<string>().Distinct(StringComparer.Ordinal)];
    }
}
