namespace Invoicing.EInvoices;

/// <summary>An e-invoice in the operator's outbox: where it goes, and how far it got.</summary>
public sealed record EInvoiceHandOff(string BlobName, string Endpoint, EInvoiceDeliveryStatus Status, string? Detail, DateTimeOffset? UpdatedAt);
