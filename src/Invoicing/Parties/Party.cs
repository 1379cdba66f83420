namespace Invoicing.Parties;

/// <summary>
/// Someone who pays into a scheme. Everything printed on an invoice about the buyer comes from here and
/// nowhere else: an unknown org number or address stays empty rather than being made up.
/// </summary>
public sealed record Party(
    PartyCode Code,
    PartyKind Kind,
    string Name,
    CountyCode? County,
    OrganisationNumber? OrganisationNumber,
    IReadOnlyList<string> AddressLines,
    string? InvoiceEmail,
    string? BuyerReference)
{
    public string Name { get; } = string.IsNullOrWhiteSpace(Name)
        ? throw new FormatException($"Party {Code} has no name.")
        : Name.Trim();

    /// <summary>
    /// Where the party receives e-invoices in Peppol (BT-49). A party with an endpoint is marked for e-invoice
    /// delivery: its documents are handed to the issuer's e-invoice operator (<c>einvoices-outbox</c>); parties
    /// without one get PDF and e-mail.
    /// </summary>
    public PeppolEndpoint? PeppolEndpoint { get; init; }
}
