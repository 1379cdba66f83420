using Invoicing.Issuers;

namespace Invoicing.Documents;

/// <summary>
/// Everything an invoice PDF shows. The PDF is a pure function of this model: the same model gives the
/// same bytes (the document's dates come from <see cref="IssueDate"/>, never from a clock).
/// </summary>
public sealed record InvoiceDocument(
    Issuer Seller,
    DocumentBuyer Buyer,
    string InvoiceNumber,
    OcrReference Ocr,
    DateOnly IssueDate,
    DateOnly DueDate,
    string Subject,
    IReadOnlyList<DocumentLine> Lines,
    Money Net,
    Money Vat,
    Money Total)
{
    /// <summary>Document title, "Faktura"; reminders use the same layout with another title.</summary>
    public string Title { get; init; } = "Faktura";

    /// <summary>Invoice (UNCL 1001 code 380) or credit note (381).</summary>
    public DocumentKind Kind { get; init; } = DocumentKind.Invoice;

    /// <summary>The invoice this document corrects (EN 16931 BT-25 and its issue date); set on credit notes.</summary>
    public PrecedingInvoiceReference? PrecedingInvoice { get; init; }

    /// <summary>The decision the amounts rest on (e.g. "Beslut 2025-12-15, Samverkansforum PoM, budgetmöte"), when known.</summary>
    public string? DecisionNote { get; init; }
}

/// <summary>The buyer as the party table has it: only what is known is printed.</summary>
public sealed record DocumentBuyer(string Name, IReadOnlyList<string> AddressLines, string? OrganisationNumber, string? BuyerReference)
{
    /// <summary>The buyer's Peppol address (BT-49), when the party table has one.</summary>
    public Parties.PeppolEndpoint? Endpoint { get; init; }
}

/// <summary>An invoice line: a description that shows the basis of the amount, and the amount.</summary>
public sealed record DocumentLine(string Description, Money Amount);
