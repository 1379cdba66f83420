using Invoicing.Documents;
using Invoicing.Parties;

namespace Invoicing.Invoices;

/// <summary>
/// What an <see cref="Invoice"/> and a <see cref="CreditNote"/> share: a number of the same gapless series, a debtor,
/// lines and amounts (positive whatever the kind: a credit note's are what it credits), the PDF and e-invoice it was
/// issued as. The places that list both documents (the ledger file, the statement, the page, <see cref="DocumentChain"/>)
/// read this; what only one of them has is on that type, so an operation that makes no sense on a credit note (a
/// payment, a credit, a reminder, a reversal, a refund) does not compile on one.
/// </summary>
public abstract record IssuedDocument(
    SchemeId Scheme,
    int Year,
    InvoiceNumber Number,
    PartyCode DebtorCode,
    string DebtorName,
    DateOnly IssueDate,
    IReadOnlyList<InvoiceLine> Lines,
    Money Net,
    Money Vat,
    Money Total,
    string BlobName,
    string PdfSha256)
{
    /// <summary>The kind as stored and shown (<c>invoice</c>, <c>credit-note</c>); follows from the type.</summary>
    public abstract DocumentKind Kind { get; }

    /// <summary>The invoice this document changes: always for a credit note, for an invoice only when supplementary.</summary>
    public abstract DocumentReference? Corrects { get; }

    /// <summary>Why the document was issued when it changes another: the budget decision behind it, or a void's reason.</summary>
    public string? Reason { get; init; }

    /// <summary>The budget revision the document was issued for: 0 for the first approval.</summary>
    public int Revision { get; init; }

    public InvoiceKey Key => new(Scheme, Year, Number);

    /// <summary>The UBL e-invoice in container <c>einvoices</c>; null when the document has none (see <see cref="EInvoiceMissingReason"/>).</summary>
    public string? EInvoiceBlobName { get; init; }

    /// <summary>SHA-256 (lower-case hex) of the UBL e-invoice.</summary>
    public string? EInvoiceSha256 { get; init; }

    /// <summary>Why the document was issued as PDF only (e.g. the buyer has no buyer reference); null when it has an e-invoice.</summary>
    public string? EInvoiceMissingReason { get; init; }

    /// <summary>
    /// The one rule for the sign of a credit: an amount of this document as it counts in a sum of documents. A credit
    /// note takes off what it credits; an invoice adds what it asks for. Every sum over both kinds goes through here.
    /// </summary>
    public Money Signed(Money amount) => this is CreditNote ? -amount : amount;

    /// <summary>The total as it counts in a sum of documents (<see cref="Signed"/>).</summary>
    public Money SignedTotal => Signed(Total);

    public static string BlobNameFor(SchemeId scheme, int year, InvoiceNumber number) =>
        $"{scheme}/{year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)}/{number}.pdf";

    /// <summary>Blob name of a document's e-invoice: <c>{scheme}/{year}/{number}.xml</c>, next to its PDF's name.</summary>
    public static string EInvoiceBlobNameFor(SchemeId scheme, int year, InvoiceNumber number) =>
        $"{scheme}/{year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)}/{number}.xml";
}
