using Invoicing.Documents;

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
    /// <summary>A name longer than this does not fit the buyer box of an invoice.</summary>
    public const int MaxNameLength = 100;

    public const int MaxAddressLines = 4;

    public const int MaxAddressLineLength = 70;

    public const int MaxBuyerReferenceLength = 100;

    public string Name { get; } = string.IsNullOrWhiteSpace(Name)
        ? throw new FormatException($"Party {Code} has no name.")
        : Checked(Code, "name", Name, MaxNameLength);

    public IReadOnlyList<string> AddressLines { get; } = AddressLines.Count > MaxAddressLines
        ? throw new FormatException($"Party {Code}: address has {AddressLines.Count} lines; at most {MaxAddressLines} fit.")
        : [.. AddressLines.Select(line => Checked(Code, "address line", line, MaxAddressLineLength))];

    public string? InvoiceEmail { get; init => field = value is null ? null : CheckedEmail(Code, value); } = InvoiceEmail is null ? null : CheckedEmail(Code, InvoiceEmail);

    public string? BuyerReference { get; } = BuyerReference is null ? null : Checked(Code, "buyer reference", BuyerReference, MaxBuyerReferenceLength);

    private static string Checked(PartyCode code, string field, string value, int maxLength)
    {
        try
        {
            return DocumentText.Check(value, maxLength);
        }
        catch (FormatException e)
        {
            throw new FormatException($"Party {code}: {field} '{DocumentText.Quote(value)}' {e.Message}", e);
        }
    }

    private static string CheckedEmail(PartyCode code, string value)
    {
        try
        {
            return Parties.InvoiceEmail.Parse(value);
        }
        catch (FormatException e)
        {
            throw new FormatException($"Party {code}: invoice e-mail '{DocumentText.Quote(value)}' {e.Message}", e);
        }
    }

    /// <summary>
    /// Where the party receives e-invoices in Peppol (BT-49). A party with an endpoint is marked for e-invoice
    /// delivery: its documents are handed to the issuer's e-invoice operator (<c>einvoices-outbox</c>); parties
    /// without one get PDF and e-mail.
    /// </summary>
    public PeppolEndpoint? PeppolEndpoint { get; init; }
}
