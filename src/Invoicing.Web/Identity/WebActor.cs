using System.Security.Claims;
using Invoicing.Audit;

namespace Invoicing.Web.Identity;

/// <summary>
/// The audit trail's actor of an API request: an Entra principal's name and object id (App Service Authentication),
/// an API key's name, or the development identity of <c>serve --dev-role</c>; an anonymous caller changes nothing.
/// </summary>
public static class WebActor
{
    /// <summary>Entra ID's object id claim, as App Service Authentication passes it on (and its short form in tokens).</summary>
    private static readonly string[] ObjectIdClaims = ["http://schemas.microsoft.com/identity/claims/objectidentifier", "oid"];

    public static Actor From(ClaimsPrincipal user)
    {
        var identity = user.Identity;
        var name = identity?.Name ?? user.FindFirst("preferred_username")?.Value ?? "(anonymous)";
        var kind = identity?.AuthenticationType switch
        {
            ApiKeyAuthenticationHandler.SchemeName => "api-key",
            DevelopmentIdentityHandler.SchemeName => "development",
            null => "anonymous",
            _ => "entra-user",
        };
        var objectId = ObjectIdClaims.Select(type => user.FindFirst(type)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return new Actor(ActorChannel.Api, kind, name, objectId);
    }
}
