using Invoicing.Approvals;
using Invoicing.Invoices;
using Invoicing.Web;
using Invoicing.Web.Endpoints;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Invoicing.Functions;

/// <summary>Four eyes: the proposals waiting for a second finance user, and confirming or rejecting one (<see cref="ProposalEndpoints"/>).</summary>
public sealed class ProposalFunctions(ChangeProposals proposals, InvoiceStore invoices, TimeProvider time)
{
    [Function("ListProposals")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.Proposals)] HttpRequest request,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () => ProposalEndpoints.ListAsync(proposals, cancellationToken));

    [Function("ConfirmProposal")]
    public Task<IResult> ConfirmAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "POST", Route = ApiRoutes.ProposalConfirm)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Finance, () => ProposalEndpoints.ConfirmAsync(id, request, proposals, invoices, time, cancellationToken));

    [Function("RejectProposal")]
    public Task<IResult> RejectAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "POST", Route = ApiRoutes.ProposalReject)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Finance, () => ProposalEndpoints.RejectAsync(id, request, proposals, cancellationToken));
}
