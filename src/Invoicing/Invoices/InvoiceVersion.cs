using Azure;

namespace Invoicing.Invoices;

/// <summary>
/// An invoice as read for a change, with the ETag that change is guarded by (see
/// <see cref="InvoiceStore.ReplaceAsync"/>). Only <see cref="InvoiceStore"/> writes the row.
/// </summary>
public sealed record InvoiceVersion(Invoice Invoice, ETag ETag, DateTimeOffset IssuedAt);
