using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Invoicing.Web;

/// <summary>
/// A server listening on loopback only answers requests addressed to a loopback name. A page on another site
/// can make the browser resolve its own host name to 127.0.0.1 (DNS rebinding) and then talk to this server as
/// if it were that site; the <c>Host</c> header still names the other site, so such requests are refused.
/// </summary>
public static class LoopbackHosts
{
    public static IApplicationBuilder UseLoopbackHostsOnly(this IApplicationBuilder app) =>
        app.Use(static (context, next) => IsLoopbackHost(context.Request.Host)
            ? next(context)
            : ApiProblems.Status(StatusCodes.Status400BadRequest, "Okänd värd.",
                    $"Den här servern svarar bara på den här datorn (localhost, 127.0.0.1, [::1]), inte för värden '{context.Request.Host.Host}'.")
                .ExecuteAsync(context));

    public static bool IsLoopbackHost(HostString host) =>
        host.HasValue
        && (string.Equals(host.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
}
