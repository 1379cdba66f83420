namespace Invoicing.Web.Identity;

/// <summary>
/// The app roles finance's API knows. They are Entra ID app roles in Azure (the <c>roles</c> claims of the
/// App Service client principal) and the <c>Role</c> of each API key locally.
/// </summary>
public static class InvoicingRoles
{
    /// <summary>May look at invoices, payments and the allocation, and download PDFs and exports.</summary>
    public const string Reader = "Invoicing.Reader";

    /// <summary>Everything a reader may, and also book payments and upload bank files.</summary>
    public const string Finance = "Invoicing.Finance";

    public static IReadOnlyList<string> All { get; } = [Reader, Finance];

    public static bool IsKnown(string? role) => role is Reader or Finance;
}
