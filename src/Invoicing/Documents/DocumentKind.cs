namespace Invoicing.Documents;

/// <summary>
/// What a document does to the debtor's account. A supplementary invoice is an <see cref="Invoice"/> with a
/// reference to the invoice it adds to; a credit note always references the invoice it reduces.
/// </summary>
public enum DocumentKind
{
    /// <summary>Asks for money ("Faktura"); JSON <c>invoice</c>.</summary>
    Invoice,

    /// <summary>Reduces what an earlier invoice asked for ("Kreditfaktura"); JSON <c>credit-note</c>.</summary>
    CreditNote,

    /// <summary>
    /// A payment reminder on the invoice layout: its own date and the new date to pay by, the amount still due; no
    /// invoice date, terms or VAT block. Never stored as an invoice's kind.
    /// </summary>
    Reminder,
}

/// <summary>The stable text form of <see cref="DocumentKind"/> (tables, JSON, CLI).</summary>
public static class DocumentKinds
{
    public const string Invoice = "invoice";
    public const string CreditNote = "credit-note";

    public const string Reminder = "reminder";

    public static string ToText(this DocumentKind kind) => kind switch
    {
        DocumentKind.CreditNote => CreditNote,
        DocumentKind.Reminder => Reminder,
        _ => Invoice,
    };

    /// <summary>The heading a document of this kind carries, on paper and in lists.</summary>
    public static string Title(this DocumentKind kind) => kind switch
    {
        DocumentKind.CreditNote => "Kreditfaktura",
        DocumentKind.Reminder => "Påminnelse",
        _ => "Faktura",
    };

    /// <summary>The UNCL 1001 document type code an e-invoice carries: 380 commercial invoice, 381 credit note.</summary>
    public static int UnclTypeCode(this DocumentKind kind) => kind switch
    {
        DocumentKind.Invoice => 380,
        DocumentKind.CreditNote => 381,
        _ => throw new InvalidOperationException($"A {kind.ToText()} is not an e-invoice document."),
    };

    /// <summary>Reads the stored form (every row has its kind: nothing was stored before documents had kinds).</summary>
    public static DocumentKind Parse(string? text) => text switch
    {
        Invoice => DocumentKind.Invoice,
        CreditNote => DocumentKind.CreditNote,
        _ => throw new FormatException($"Document kind '{text}' must be '{Invoice}' or '{CreditNote}'."),
    };
}
