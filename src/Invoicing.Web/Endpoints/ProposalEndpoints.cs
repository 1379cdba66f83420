using Invoicing.Approvals;
using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Issuing;
using Invoicing.Payments;
using Invoicing.Periods;
using Invoicing.Web.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invoicing.Web.Endpoints;

/// <summary>
/// Four eyes (<see cref="ChangeProposals"/>): the proposals waiting for a second finance user, and confirming or
/// rejecting one. The same person confirming their own proposal gets 403 with a Swedish message; nothing changes.
/// </summary>
public static class ProposalEndpoints
{
    /// <summary><c>GET /api/proposals</c>: every proposal, the open ones first.</summary>
    public static async Task<Ok<ProposalView[]>> ListAsync(ChangeProposals proposals, CancellationToken cancellationToken) =>
        TypedResults.Ok((await proposals.ListAsync(cancellationToken)).Select(ProposalView.From).ToArray());

    /// <summary>
    /// <c>POST /api/proposals/{id}/confirm</c>: makes the change as the caller → 200 with what it did; 403 for the proposer;
    /// 404 for no such proposal; 409 when it was rejected or the void can no longer be made; 400 when the refund can no
    /// longer be booked (the proposal stays open: reject it).
    /// </summary>
    public static async Task<Results<Ok<ConfirmResponse>, ProblemHttpResult>> ConfirmAsync(
        string id, HttpRequest request, ChangeProposals proposals, InvoiceStore invoices, TimeProvider time, CancellationToken cancellationToken)
    {
        if (CrossSiteRequests.IsCrossSite(request))
        {
            return CrossSiteRequests.Refusal();
        }

        if (!ChangeProposals.IsId(id))
        {
            return NotAnId(id);
        }

        ProposedChange decided;
        VoidResult? voided;
        try
        {
            (decided, voided, _) = await proposals.ConfirmAsync(id, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return NoSuchProposal(id);
        }
        catch (FourEyesException e)
        {
            return ApiProblems.Status(StatusCodes.Status403Forbidden, "Fyra ögon: en annan person måste godkänna.", e);
        }
        catch (Exception e) when (e is ProposalStateException or VoidRefusedException or BudgetStateException or BudgetNotFoundException or PeriodStateException)
        {
            return ApiProblems.Status(StatusCodes.Status409Conflict, "Förslaget kan inte godkännas.", (ISwedishMessage)e);
        }
        catch (InvalidPaymentException e)
        {
            return ApiProblems.BadRequest(e);
        }

        if (decided.Invoice is not { } invoice)
        {
            return TypedResults.Ok(new ConfirmResponse(ProposalView.From(decided), null, null));
        }

        var chain = await invoices.FindChainAsync(invoice, cancellationToken)
            ?? throw new InvalidOperationException($"Invoice {invoice} disappeared after a change to it was confirmed.");
        var today = SwedishCalendar.Today(time);
        var creditNote = voided is null ? null : InvoiceSummary.From(chain.BalanceOf(voided.CreditNote.Number), today);
        return TypedResults.Ok(new ConfirmResponse(ProposalView.From(decided), InvoiceSummary.From(chain.BalanceOf(invoice.Number), today), creditNote));
    }

    /// <summary><c>POST /api/proposals/{id}/reject</c>: rejects (or, by the proposer, withdraws) an open proposal → 200; 409 when decided already.</summary>
    public static async Task<Results<Ok<ProposalView>, ProblemHttpResult>> RejectAsync(
        string id, HttpRequest request, ChangeProposals proposals, CancellationToken cancellationToken)
    {
        if (CrossSiteRequests.IsCrossSite(request))
        {
            return CrossSiteRequests.Refusal();
        }

        if (!ChangeProposals.IsId(id))
        {
            return NotAnId(id);
        }

        try
        {
            return TypedResults.Ok(ProposalView.From(await proposals.RejectAsync(id, null, cancellationToken)));
        }
        catch (KeyNotFoundException)
        {
            return NoSuchProposal(id);
        }
        catch (ProposalStateException e)
        {
            return ApiProblems.Status(StatusCodes.Status409Conflict, "Förslaget är redan avgjort.", e);
        }
    }

    private static ProblemHttpResult NotAnId(string id) =>
        ApiProblems.BadRequest($"'{YearRoute.Shorten(id)}' är inte ett förslags id (32 hexadecimala siffror med små bokstäver, som GET /api/proposals listar dem).");

    private static ProblemHttpResult NoSuchProposal(string id) => ApiProblems.NotFound($"Det finns inget förslag {id}.");

    /// <summary>202 (<c>Location</c> the proposals list) with the proposal a void or refund became.</summary>
    internal static Accepted<ProposalView> Waiting(ProposedChange proposal) => TypedResults.Accepted("/api/proposals", ProposalView.From(proposal));
}
