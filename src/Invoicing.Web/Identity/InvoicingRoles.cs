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

    /// <summary>
    /// A member municipality's user: sees only its own party (named by <see cref="InvoicingClaims.Party"/>) under
    /// <c>api/member/</c>, and none of finance's routes. Not a reader: a reader sees every party.
    /// </summary>
    public const string Member = "Invoicing.Member";

    public static IReadOnlyList<string> All { get; } = [Reader, Finance, Member];

    public static bool IsKnown(string? role) => role is Reader or Finance or Member;
}
