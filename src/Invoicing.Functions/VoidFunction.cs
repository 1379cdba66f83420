using Invoicing.Approvals;
using Invoicing.Invoices;
using Invoicing.Issuing;
using Invoicing.Web;
using Invoicing.Web.Endpoints;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Invoicing.Functions;

/// <summary>Finance voids an invoice issued by mistake (a full credit note naming it): the route only, the handler is <see cref="VoidEndpoints"/>.</summary>
public sealed class VoidFunction(InvoiceStore invoices, InvoiceVoiding voiding, ChangeProposals proposals, IOptions<FourEyesOptions> fourEyes, TimeProvider time)
{
    [Function("VoidInvoice")]
    public Task<IResult> VoidAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "POST", Route = ApiRoutes.InvoiceVoid)] HttpRequest request,
        string scheme,
        string year,
        string number,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Finance, () =>
            VoidEndpoints.VoidAsync(scheme, year, number, request, invoices, voiding, proposals, fourEyes, time, cancellationToken));
}
