using Invoicing.Issuers;

namespace Invoicing.Documents;

/// <summary>
/// Everything an invoice, credit note or reminder PDF (and an e-invoice) shows. The PDF is a pure function of this
/// model: the same model gives the same bytes (the document's dates come from <see cref="IssueDate"/>, never from a
/// clock). A model exists only when it adds up: its lines sum to <see cref="Net"/>, net and VAT to
/// <see cref="Total"/>, and the total asks for (or credits) something. The amounts cannot be changed afterwards
/// (no <c>with</c>), so no document can print lines that disagree with the sum it states.
/// </summary>
public sealed record InvoiceDocument
{
    /// <exception cref="InconsistentDocumentException">The lines, net, VAT and total do not add up, or the total is not positive.</exception>
    public InvoiceDocument(
        Issuer seller,
        DocumentBuyer buyer,
        string invoiceNumber,
        OcrReference ocr,
        DateOnly issueDate,
        DateOnly dueDate,
        string subject,
        IReadOnlyList<DocumentLine> lines,
        Money net,
        Money vat,
        Money total)
    {
        var sum = Money.Sum(lines.Select(l => l.Amount));
        if (sum != net)
        {
            throw new InconsistentDocumentException($"Document {invoiceNumber}: its {lines.Count} lines come to {sum}, but its net is {net}.");
        }

        if (net + vat != total)
        {
            throw new InconsistentDocumentException($"Document {invoiceNumber}: net {net} and VAT {vat} come to {net + vat}, but its total is {total}.");
        }

        if (total <= Money.Zero)
        {
            throw new InconsistentDocumentException($"Document {invoiceNumber}: its total is {total}; a document asks for or credits a positive amount.");
        }

        (Seller, Buyer, InvoiceNumber, Ocr, IssueDate, DueDate, Subject) = (seller, buyer, invoiceNumber, ocr, issueDate, dueDate, subject);
        (Lines, Net, Vat, Total) = ([.. lines], net, vat, total);
    }

    public Issuer Seller { get; init; }

    public DocumentBuyer Buyer { get; init; }

    public string InvoiceNumber { get; init; }

    public OcrReference Ocr { get; init; }

    public DateOnly IssueDate { get; init; }

    public DateOnly DueDate { get; init; }

    public string Subject { get; init; }

    /// <summary>The lines as printed; they sum to <see cref="Net"/> (checked when the model is made).</summary>
    public IReadOnlyList<DocumentLine> Lines { get; }

    public Money Net { get; }

    public Money Vat { get; }

    /// <summary>What the document asks for ("Att betala") or credits ("Att kreditera"): net + VAT.</summary>
    public Money Total { get; }

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

    /// <summary>
    /// Files the e-invoice carries beside the document (the specification of a share, <c>AdditionalDocumentReference</c>);
    /// never the document's own image. The PDF prints its lines and basis instead, so the model of a document that is
    /// PDF only carries none.
    /// </summary>
    public IReadOnlyList<DocumentAttachment> Attachments { get; init; } = [];
}

/// <summary>The buyer as the party table has it: only what is known is printed.</summary>
public sealed record DocumentBuyer(string Name, IReadOnlyList<string> AddressLines, string? OrganisationNumber, string? BuyerReference)
{
    /// <summary>The buyer's Peppol address (BT-49), when the party table has one.</summary>
    public Parties.PeppolEndpoint? Endpoint { get; init; }
}

/// <summary>
/// A file attached to a document: <see cref="Id"/> names it on the document (BT-122), <see cref="Description"/> says
/// what it is (BT-123), <see cref="MimeCode"/> and <see cref="FileName"/> how to open it (BT-125).
/// </summary>
public sealed record DocumentAttachment(string Id, string Description, string FileName, string MimeCode, byte[] Content);

/// <summary>An invoice line: a description that shows the basis of the amount, and the amount.</summary>
public sealed record DocumentLine(string Description, Money Amount);

/// <summary>A document model whose amounts do not add up: it is never made, so it is never printed or sent.</summary>
public sealed class InconsistentDocumentException(string message) : InvalidOperationException(message);
