namespace Invoicing.Invoices;

/// <summary>
/// One scheme's year with invoices that may be due, as the reminder run reads it in one query: those invoices with
/// the ETag a change to each is guarded by, and every document of the year (invoices and credit notes, in number
/// order), of which their chains (<see cref="DocumentChain"/>) are made.
/// </summary>
public sealed record DueYear(IReadOnlyList<InvoiceVersion> Due, IReadOnlyList<IssuedDocument> Documents);
