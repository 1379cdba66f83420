namespace Invoicing.Web.Contracts;

/// <summary>Finance voids an invoice issued by mistake: <c>reason</c> is printed on the credit note (at most 200 characters).</summary>
public sealed record VoidRequest(string? Reason);

/// <summary>What a void did: the voided invoice as its chain now sees it, and the credit note that voided it.</summary>
public sealed record VoidResponse(InvoiceSummary Invoice, InvoiceSummary CreditNote);
