using Invoicing.Audit;
using Invoicing.Web;
using Invoicing.Web.Endpoints;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Invoicing.Functions;

/// <summary>The audit trail, for readers: the routes only, the handlers are <see cref="AuditEndpoints"/>.</summary>
public sealed class AuditFunctions(AuditTrail audit)
{
    [Function("ListAuditEvents")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.Audit)] HttpRequest request,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () => AuditEndpoints.ListAsync(request, audit, cancellationToken));

    [Function("InvoiceHistory")]
    public Task<IResult> HistoryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.InvoiceHistory)] HttpRequest request,
        string scheme,
        string year,
        string number,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () => AuditEndpoints.HistoryAsync(scheme, year, number, audit, cancellationToken));
}
