using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Web.Identity;

/// <summary>
/// Reads App Service Authentication's <c>X-MS-CLIENT-PRINCIPAL</c> header: base64 of
/// <c>{ "auth_typ", "name_typ", "role_typ", "claims": [{ "typ", "val" }] }</c>. Entra ID app roles arrive as
/// <c>roles</c> claims (or claims of <c>role_typ</c>); they become <see cref="ClaimTypes.Role"/> claims. A member's
/// party arrives as an <see cref="InvoicingClaims.Party"/> claim (or <see cref="InvoicingClaims.EntraParty"/>, which becomes one).
/// </summary>
public static class ClientPrincipal
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    private const string EntraRolesClaim = "roles";

    /// <summary>The principal the header describes, or null with <paramref name="problem"/> when it is not one.</summary>
    public static ClaimsPrincipal? Parse(string header, out string? problem)
    {
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(Encoding.UTF8.GetString(Convert.FromBase64String(header.Trim())));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            problem = $"{HeaderName} is not base64-encoded JSON.";
            return null;
        }

        if (payload is null || string.IsNullOrWhiteSpace(payload.AuthenticationType))
        {
            problem = $"{HeaderName} has no auth_typ.";
            return null;
        }

        var nameType = string.IsNullOrWhiteSpace(payload.NameType) ? ClaimTypes.Name : payload.NameType;
        var identity = new ClaimsIdentity(payload.AuthenticationType, nameType, ClaimTypes.Role);
        foreach (var claim in payload.Claims ?? [])
        {
            if (string.IsNullOrEmpty(claim.Type) || claim.Value is null)
            {
                continue;
            }

            var isRole = claim.Type == EntraRolesClaim || claim.Type == ClaimTypes.Role || claim.Type == payload.RoleType;
            var type = isRole ? ClaimTypes.Role : claim.Type == InvoicingClaims.EntraParty ? InvoicingClaims.Party : claim.Type;
            identity.AddClaim(new Claim(type, claim.Value));
        }

        problem = null;
        return new ClaimsPrincipal(identity);
    }

    private sealed record Payload(
        [property: JsonPropertyName("auth_typ")] string? AuthenticationType,
        [property: JsonPropertyName("name_typ")] string? NameType,
        [property: JsonPropertyName("role_typ")] string? RoleType,
        [property: JsonPropertyName("claims")] IReadOnlyList<PayloadClaim>? Claims);

    private sealed record PayloadClaim(
        [property: JsonPropertyName("typ")] string? Type,
        [property: JsonPropertyName("val")] string? Value);
}
