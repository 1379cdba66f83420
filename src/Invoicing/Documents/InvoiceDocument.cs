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

    /// <summary>
    /// What the document is: it decides every label (a credit note has no payment slip and states what it credits;
    /// a reminder has no invoice date, terms or VAT block).
    /// </summary>
    public DocumentKind Kind { get; init; } = DocumentKind.Invoice;

    /// <summary>What the amounts rest on, one line each (the budget decision, the population figures' source and date).</summary>
    public IReadOnlyList<string> Basis { get; init; } = [];

    /// <summary>The invoice this document changes ("Avser faktura N av DATUM"); null on an ordinary invoice.</summary>
    public DocumentReference? Corrects { get; init; }

    /// <summary>Why it changes it: the decision behind the change.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// The decision that made the document (e.g. "Beslut 2025-12-15, Samverkansforum PoM, budgetmöte"), when known: the
    /// budget's for a first invoice, the revision's for a credit note or supplementary invoice.
    /// </summary>
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
