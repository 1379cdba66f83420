using Invoicing.Web.Endpoints;
using Invoicing.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Invoicing.Functions;

/// <summary>
/// The finance page's files at <c>/</c> (<see cref="PageEndpoints"/>, embedded in Invoicing.Web). They hold no
/// data; in Azure App Service Authentication already stands in front of them. The API's routes are more
/// specific than this catch-all and win.
/// </summary>
public sealed class PageFunction
{
    [Function("Page")]
    public IResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.Page)] HttpRequest request,
        string? path)
    {
        ResponseHeaders.Apply(request.HttpContext.Response);
        return PageEndpoints.Get(path);
    }
}
