using Azure;
using Azure.Data.Tables;
using Invoicing.Parties;

namespace Invoicing.Agreements;

/// <summary>Table <c>Agreements</c>: partition = <c>{scheme}:{year}</c> (the budget's dataset), row key = party code.</summary>
internal sealed class AgreementEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>ISO date, <c>yyyy-MM-dd</c>.</summary>
    public string SignedOn { get; set; } = "";

    /// <summary>ISO date, or empty while the agreement runs until further notice.</summary>
    public string? EndsOn { get; set; }

    public string Reference { get; set; } = "";

    public static string Partition(Invoicing.SchemeId scheme, int year) => $"{scheme}:{year}";

    public static AgreementEntity From(Invoicing.SchemeId scheme, int year, Agreement agreement) => new()
    {
        PartitionKey = Partition(scheme, year),
        RowKey = agreement.Party.Value,
        SignedOn = IsoDate.Format(agreement.SignedOn),
        EndsOn = agreement.EndsOn is { } end ? IsoDate.Format(end) : null,
        Reference = agreement.Reference,
    };

    public Agreement ToAgreement() =>
        new(new PartyCode(RowKey), IsoDate.Parse(SignedOn), string.IsNullOrEmpty(EndsOn) ? null : IsoDate.Parse(EndsOn), Reference);
}
