namespace Invoicing.Documents;

/// <summary>What a document is, with its UNCL 1001 type code in e-invoices.</summary>
public enum DocumentKind
{
    /// <summary>A commercial invoice (380).</summary>
    Invoice = 380,

    /// <summary>A credit note (381): corrects an earlier invoice, named in <see cref="InvoiceDocument.PrecedingInvoice"/>.</summary>
    CreditNote = 381,
}
