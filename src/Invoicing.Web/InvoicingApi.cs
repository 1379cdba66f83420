using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Invoicing.Web;

/// <summary>
/// Finance's API under <c>/api</c> (see docs/api.md): the endpoints of <see cref="ApiRoutes.All"/>. Every route
/// needs an identity with a role; changes need <see cref="InvoicingRoles.Finance"/>; a member's routes (<c>api/member/</c>)
/// need <see cref="InvoicingRoles.Member"/> and nothing else does. The Functions app maps the
/// same handlers to HTTP triggers with the same route constants.
/// </summary>
public static class InvoicingApi
{
    public static IEndpointRouteBuilder MapInvoicingApi(this IEndpointRouteBuilder app)
    {
        foreach (var route in ApiRoutes.All)
        {
            app.MapMethods(route.Template, [route.Method], route.Handler).RequireAuthorization(route.Policy);
        }

        return app;
    }
}
