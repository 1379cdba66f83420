namespace Invoicing.Web.Contracts;

/// <summary>
/// A person's confirmation of what an unmatched entry pays: <c>invoice</c> (e.g. the suggested one) and, when that
/// number is in two issuers' series, the <c>scheme</c>.
/// </summary>
public sealed record UnmatchedBookingRequest(string? Invoice, string? Scheme);
