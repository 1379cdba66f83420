using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.Web;

/// <summary>
/// Authentication and authorization for a host that calls the handlers without ASP.NET Core's middleware (the
/// Functions worker): the same scheme and the same <see cref="InvoicingPolicies"/> as <c>serve</c>, checked
/// before the handler runs, and the same 401/403 bodies. A function key is never an identity.
/// </summary>
public static class EndpointAccess
{
    public static async Task<IResult> RunAsync<TResult>(HttpContext context, string policy, Func<Task<TResult>> handler)
        where TResult : IResult
    {
        // No pipeline in front of a Functions trigger sets them: every answer carries the page's headers here.
        ResponseHeaders.Apply(context.Response);
        var denied = await AuthorizeAsync(context, policy);
        if (denied is not null)
        {
            return denied;
        }

        // What the handler changes is the caller's, in the audit trail.
        using var actor = Audit.Actor.Acting(WebActor.From(context.User));
        return await handler();
    }

    public static async Task<IResult> RunAsync<TResult>(HttpContext context, string policy, Func<TResult> handler)
        where TResult : IResult
    {
        ResponseHeaders.Apply(context.Response);
        var denied = await AuthorizeAsync(context, policy);
        if (denied is not null)
        {
            return denied;
        }

        using var actor = Audit.Actor.Acting(WebActor.From(context.User));
        return handler();
    }

    /// <summary>Null when the caller may go on; else the challenge (no identity, 401) or refusal (403) to answer with.</summary>
    public static async Task<IResult?> AuthorizeAsync(HttpContext context, string policy)
    {
        var authentication = await context.AuthenticateAsync();
        if (authentication.Succeeded)
        {
            context.User = authentication.Principal;
        }

        var authorization = await context.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(context.User, policy);
        if (authorization.Succeeded)
        {
            return null;
        }

        return context.User.Identity?.IsAuthenticated == true ? TypedResults.Forbid() : TypedResults.Challenge();
    }
}
