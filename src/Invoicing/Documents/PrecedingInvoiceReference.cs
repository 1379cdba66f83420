namespace Invoicing.Documents;

/// <summary>The invoice a document corrects: its number (EN 16931 BT-25) and issue date (BT-26).</summary>
public sealed record PrecedingInvoiceReference(string Number, DateOnly IssueDate);
