namespace Invoicing.Issuers;

/// <summary>
/// Settings of one scheme, an entry of the list <c>Invoicing:Schemes</c> (<c>Invoicing:Schemes:0:Scheme</c>,
/// <c>Invoicing:Schemes:0:Issuer:Name</c>, …): a list, because a scheme id's hyphens cannot stand in an app
/// setting's name on Linux. Today only its issuer: a scheme that another organisation runs (Stockholms stad's
/// offer beside Västerås stad's Region Mitt) invoices under its own name, bankgiro and number series.
/// </summary>
public sealed class SchemeOptions
{
    public const string Section = "Invoicing:Schemes";

    /// <summary>The scheme id, as in its <c>budget.json</c> (<c>stockholm-pom</c>).</summary>
    public string? Scheme { get; set; }

    /// <summary>The scheme's own issuer, complete (nothing is taken from <c>Invoicing:Issuer</c>); null to use that one.</summary>
    public IssuerOptions? Issuer { get; set; }
}
