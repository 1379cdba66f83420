using Microsoft.AspNetCore.Http;

namespace Invoicing.Web;

/// <summary>
/// Refuses changes that a browser sends on behalf of another site. In Azure the identity rides on App Service
/// Authentication's session cookie, which a browser also attaches to a form another site posts here; browsers
/// mark such requests <c>Sec-Fetch-Site: cross-site</c> (or <c>same-site</c> for a sibling subdomain). Callers
/// that are not browsers send no such header and are unaffected. Where a browser sends no <c>Sec-Fetch-Site</c>,
/// its <c>Origin</c> must be this server's own.
/// </summary>
public static class CrossSiteRequests
{
    public const string HeaderName = "Sec-Fetch-Site";

    /// <summary>
    /// True for a change another site's page sent: marked so by <c>Sec-Fetch-Site</c>, or (for browsers that do
    /// not send it) carrying an <c>Origin</c> that is not this server's own host and port.
    /// </summary>
    public static bool IsCrossSite(HttpRequest request)
    {
        if (request.Headers[HeaderName].ToString() is "cross-site" or "same-site")
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        // Host and port only: behind App Service's TLS front end the app may see http for the browser's https.
        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Refusal() =>
        ApiProblems.Status(StatusCodes.Status403Forbidden, "Inte tillåtet.", "Ändringar tas emot från ekonomisidan själv, inte från en sida på en annan webbplats.");
}
