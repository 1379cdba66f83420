using Microsoft.AspNetCore.Http;

namespace Invoicing.Web;

/// <summary>
/// The headers every answer of the page and the API carries, set in one place for both hosts (<c>serve</c>'s
/// pipeline and the Functions app's page trigger). The pages load only their own files — <c>common.js</c>, <c>app.js</c> or <c>medlem.js</c>, and
/// <c>app.css</c>, no inline script or style — and talk only to their own API, so the policy allows nothing else:
/// an injected script, a foreign frame around the page or a form posting elsewhere is refused by the browser.
/// </summary>
public static class ResponseHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
