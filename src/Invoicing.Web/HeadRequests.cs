using Microsoft.AspNetCore.Http;

namespace Invoicing.Web;

/// <summary>
/// HEAD on every GET route: the request is answered as the GET it stands for — same status, same headers — and its
/// body is dropped, so a client (or a monitor) can ask what a download is without fetching it. Routing sees a GET,
/// so no route is declared twice and the route list stays the one of <see cref="ApiRoutes.All"/>.
/// </summary>
public static class HeadRequests
{
    public static async Task AnswerAsGetAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Response.Body = body;
        }
    }
}
