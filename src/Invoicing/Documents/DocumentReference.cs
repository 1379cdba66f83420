namespace Invoicing.Documents;

/// <summary>
/// The invoice a document changes: its number and issue date (EN 16931 BT-25 and BT-26, "preceding invoice
/// reference"). Swedish VAT law asks for exactly this specific, unambiguous reference on an <i>ändringsfaktura</i>.
/// </summary>
public sealed record DocumentReference(Invoicing.InvoiceNumber Number, DateOnly IssueDate);
