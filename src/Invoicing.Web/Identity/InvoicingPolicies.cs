namespace Invoicing.Web.Identity;

/// <summary>Authorization policies of the API; both hosts use the same ones, whatever the identity comes from.</summary>
public static class InvoicingPolicies
{
    /// <summary>An identity with <see cref="InvoicingRoles.Reader"/> or <see cref="InvoicingRoles.Finance"/> (finance implies reader).</summary>
    public const string Reader = "Reader";

    /// <summary>An identity with <see cref="InvoicingRoles.Finance"/>: anything that changes data.</summary>
    public const string Finance = "Finance";

    /// <summary>
    /// An identity with <see cref="InvoicingRoles.Member"/> bound to exactly one well-formed party
    /// (<see cref="InvoicingClaims.PartyOf"/>): the <c>api/member/</c> routes, which show that party only.
    /// </summary>
    public const string Member = "Member";

    /// <summary>
    /// An identity with any of the app roles, a member's included: <c>api/me</c> only, so that each page can tell a
    /// caller who signed in with another role's identity where its own page is, rather than only that it is refused.
    /// </summary>
    public const string SignedIn = "SignedIn";
}
