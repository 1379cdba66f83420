using Azure;
using Azure.Data.Tables;

namespace Invoicing.Parties;

/// <summary>Table <c>Parties</c>: one partition (<c>party</c>), row key = party code. See docs/data-model.md.</summary>
internal sealed class PartyEntity : ITableEntity
{
    public const string Partition = "party";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Kind { get; set; } = "";

    public string Name { get; set; } = "";

    public string? CountyCode { get; set; }

    public string? OrganisationNumber { get; set; }

    /// <summary>Address lines joined with line feeds (a table property holds no list).</summary>
    public string? AddressLines { get; set; }

    public string? InvoiceEmail { get; set; }

    public string? BuyerReference { get; set; }

    /// <summary><c>0007:NNNNNNNNNN</c> or <c>0088:GLN</c>; empty when the party takes PDF and e-mail only.</summary>
    public string? PeppolEndpoint { get; set; }

    public static PartyEntity From(Party party) => new()
    {
        RowKey = party.Code.Value,
        Kind = party.Kind.ToString(),
        Name = party.Name,
        CountyCode = party.County?.Value,
        OrganisationNumber = party.OrganisationNumber?.ToString(),
        AddressLines = party.AddressLines.Count == 0 ? null : string.Join('\n', party.AddressLines),
        InvoiceEmail = party.InvoiceEmail,
        BuyerReference = party.BuyerReference,
        PeppolEndpoint = party.PeppolEndpoint?.ToString(),
    };

    public Party ToParty()
    {
        try
        {
            OrganisationNumber? orgNumber = string.IsNullOrEmpty(OrganisationNumber) ? null : new OrganisationNumber(OrganisationNumber);
            return new Party(
                new PartyCode(RowKey),
                Enum.Parse<PartyKind>(Kind),
                Name,
                string.IsNullOrEmpty(CountyCode) ? null : new CountyCode(CountyCode),
                orgNumber,
                string.IsNullOrEmpty(AddressLines) ? [] : AddressLines.Split('\n'),
                string.IsNullOrWhiteSpace(InvoiceEmail) ? null : InvoiceEmail,
                string.IsNullOrWhiteSpace(BuyerReference) ? null : BuyerReference)
            {
                PeppolEndpoint = string.IsNullOrEmpty(PeppolEndpoint) ? null : Parties.PeppolEndpoint.Parse(PeppolEndpoint, orgNumber),
            };
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new InvalidDataException($"Table Parties, row {RowKey}: {e.Message}", e);
        }
    }
}
