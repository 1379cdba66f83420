namespace Invoicing.Web.Identity;

/// <summary>One API key: who holds it and what it may do.</summary>
public sealed class ApiKeyOptions
{
    public string Name { get; set; } = "";

    public string Key { get; set; } = "";

    public string Role { get; set; } = "";

    /// <summary>The party code a <see cref="InvoicingRoles.Member"/> key sees; required for a member key, refused on any other.</summary>
    public string? Party { get; set; }
}
