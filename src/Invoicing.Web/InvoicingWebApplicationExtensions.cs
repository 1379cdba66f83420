using Invoicing.Web.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Invoicing.Web;

/// <summary>The request pipeline and routes of a Kestrel host of the API and page (<c>serve</c>, the tests).</summary>
public static class InvoicingWebApplicationExtensions
{
    /// <summary>
    /// The whole web host of <c>serve</c> (and of the tests): errors and bare status codes as ProblemDetails,
    /// authentication and authorization, the page at <c>/</c> and the API under <c>/api</c>; the same headers on every
    /// answer (<see cref="ResponseHeaders"/>) and HEAD on every GET route (<see cref="HeadRequests"/>).
    /// </summary>
    public static WebApplication UseInvoicingWeb(this WebApplication app)
    {
        // Before routing, which would otherwise pick its endpoint first (WebApplication routes at the start unless told).
        app.Use(HeadRequests.AnswerAsGetAsync);
        app.UseRouting();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(static (context, next) =>
        {
            ResponseHeaders.Apply(context.Response);
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                // Invoices and payments are nobody's to keep in a shared cache.
                context.Response.Headers.CacheControl = "no-store";
            }

            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(static async (context, next) =>
        {
            // What the request changes is its caller's, in the audit trail.
            using var actor = Audit.Actor.Acting(Identity.WebActor.From(context.User));
            await next(context);
        });
        app.MapInvoicingPage();
        app.MapInvoicingApi();
        return app;
    }

    /// <summary>The page's files at <c>/</c>, without an identity: they hold no data, and the page asks for an API key itself.</summary>
    public static IEndpointRouteBuilder MapInvoicingPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => PageEndpoints.Get(null)).AllowAnonymous();
        app.MapGet("/{*path}", PageEndpoints.Get).AllowAnonymous();
        return app;
    }
}
