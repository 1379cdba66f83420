using Microsoft.AspNetCore.Http;

namespace Invoicing.Web;

/// <summary>
/// Refuses changes that a browser sends on behalf of another site. In Azure the identity rides on App Service
/// Authentication's session cookie, which a browser also attaches to a form another site posts here; browsers
/// mark such requests <c>Sec-Fetch-Site: cross-site</c> (or <c>same-site</c> for a sibling subdomain). Callers
/// that are not browsers send no such header and are unaffected.
/// </summary>
public static class CrossSiteRequests
{
    public const string HeaderName = "Sec-Fetch-Site";

    public static bool IsCrossSite(HttpRequest request) =>
        request.Headers[HeaderName].ToString() is "cross-site" or "same-site";

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Refusal() =>
        ApiProblems.Status(StatusCodes.Status403Forbidden, "Not allowed.", "Changes are accepted from the finance page itself, not from a page of another site.");
}
