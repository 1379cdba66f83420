using System.Security.Claims;
using Invoicing.Parties;

namespace Invoicing.Web.Identity;

/// <summary>Claims the API reads besides name and roles.</summary>
public static class InvoicingClaims
{
    /// <summary>
    /// The party code a <see cref="InvoicingRoles.Member"/> sees (<c>0305</c>): an API key's <c>Party</c> locally; in Azure a
    /// claim of this type in App Service's client principal (or <see cref="EntraParty"/>, the name an Entra directory
    /// extension takes as an optional claim).
    /// </summary>
    public const string Party = "invoicing_party";

    /// <summary>The same claim as Entra sends a directory extension attribute named <c>invoicing_party</c>.</summary>
    public const string EntraParty = "extn.invoicing_party";

    /// <summary>
    /// The one party the principal is bound to; null when it has none, a malformed one, or more than one (a principal
    /// that names two parties is a mistake in the directory, and sees neither rather than both).
    /// </summary>
    public static PartyCode? PartyOf(ClaimsPrincipal user)
    {
        var values = user.FindAll(Party).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        return values.Count == 1 && TryParse(values[0], out var party) ? party : null;
    }

    /// <summary>A party code as the claim or a key's setting gives it.</summary>
    public static bool TryParse(string? value, out PartyCode party)
    {
        party = default;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        try
        {
            party = new PartyCode(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
