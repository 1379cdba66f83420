using Invoicing.Web;
using Invoicing.Web.Endpoints;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Invoicing.Functions;

/// <summary>
/// <c>GET /api/me</c>. Like every HTTP function here: anonymous to the Functions host (a function key is no
/// identity), then the caller's App Service client principal and app role are checked by <see cref="EndpointAccess"/>
/// before the shared handler runs. Routes carry <c>api/</c> themselves: host.json sets an empty route prefix so
/// the page can be served at <c>/</c>.
/// </summary>
public sealed class MeFunction
{
    [Function("Me")]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.Me)] HttpRequest request) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.SignedIn, () => MeEndpoints.Get(request.HttpContext.User));
}
