using System.Security.Claims;
using Invoicing.Web.Contracts;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invoicing.Web.Endpoints;

/// <summary>
/// <c>GET /api/me</c>: who the page is talking to, so it can greet them, offer booking only to finance, and send a
/// member to the member's page (and finance to finance's).
/// </summary>
public static class MeEndpoints
{
    public static Ok<MeView> Get(ClaimsPrincipal user)
    {
        var name = NameOf(user);
        var roles = InvoicingRoles.All.Where(user.IsInRole).ToArray();
        var party = user.IsInRole(InvoicingRoles.Member) ? InvoicingClaims.PartyOf(user)?.Value : null;
        return TypedResults.Ok(new MeView(name, roles, user.IsInRole(InvoicingRoles.Finance), party));
    }

    /// <summary>The signed-in principal's name as the page greets them (and as a bank file's importer is recorded).</summary>
    internal static string NameOf(ClaimsPrincipal user) =>
        user.Identity?.Name ?? user.FindFirst("name")?.Value ?? user.FindFirst("preferred_username")?.Value ?? "";
}
