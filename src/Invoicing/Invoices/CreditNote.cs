using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.Parties;

namespace Invoicing.Invoices;

/// <summary>
/// A credit note as recorded in Table Storage: it takes <see cref="IssuedDocument.Total"/> off the invoice it
/// <see cref="Credits"/> (and, beyond what that one has left, off its chain: see <see cref="DocumentChain"/>). It asks
/// for nothing, so it has no OCR, no due date, no payment status and no reminders; those are the invoice's.
/// </summary>
public sealed record CreditNote : IssuedDocument
{
    /// <exception cref="ArgumentException">
    /// The note names no invoice or itself, credits nothing (a total not above zero, negative VAT), or its lines do not
    /// add up to its net and its net and VAT to its total.
    /// </exception>
    public CreditNote(
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
        string PdfSha256,
        DocumentReference Credits)
        : base(Scheme, Year, Number, DebtorCode, DebtorName, IssueDate, Lines, Net, Vat, Total, BlobName, PdfSha256)
    {
        // Checked here, once, so that no credit note in the program lacks its invoice or credits a negative amount
        // (which would be an invoice by another name); rows that break it are rejected where they are read.
        if (Credits is null)
        {
            throw new ArgumentException($"Credit note {Number} must name the invoice it credits.", nameof(Credits));
        }

        if (Credits.Number == Number)
        {
            throw new ArgumentException($"Credit note {Number} cannot credit itself.", nameof(Credits));
        }

        if (Total <= Money.Zero || Vat < Money.Zero)
        {
            throw new ArgumentException($"Credit note {Number}: it must credit a positive amount (total {Total}, VAT {Vat}).", nameof(Total));
        }

        if (Money.Sum(Lines.Select(l => l.Amount)) != Net || Net + Vat != Total)
        {
            throw new ArgumentException(
                $"Credit note {Number}: its lines ({Money.Sum(Lines.Select(l => l.Amount))}) must add up to its net ({Net}), and net and VAT ({Vat}) to its total ({Total}).",
                nameof(Lines));
        }

        this.Credits = Credits;
    }

    /// <summary>The invoice this note credits (its number and issue date, EN 16931 BT-25/BT-26): never null.</summary>
    public DocumentReference Credits { get; }

    public override DocumentKind Kind => DocumentKind.CreditNote;

    public override DocumentReference? Corrects => Credits;
}
