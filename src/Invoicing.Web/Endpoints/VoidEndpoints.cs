using Invoicing.Approvals;
using Invoicing.Invoices;
using Invoicing.Issuing;
using Invoicing.Web.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Invoicing.Web.Endpoints;

/// <summary><c>POST /api/invoices/{scheme}/{year}/{number}/void</c>: finance voids an invoice issued by mistake (<see cref="InvoiceVoiding"/>).</summary>
public static class VoidEndpoints
{
    /// <summary>A reason and the JSON around it.</summary>
    public const int MaxBodyBytes = 4 * 1024;

    /// <summary>
    /// <c>{ "reason": "…" }</c> → 201 (<c>Location</c> the credit note) with the invoice and its credit note; 400 for a missing
    /// or too long reason; 404 for an unknown invoice; 409 when the document cannot be voided (a credit note, already
    /// voided, already credited in full) — nothing is issued then, so a retried void never issues a second credit note.
    /// With four eyes on for the scheme (<see cref="FourEyesOptions"/>): 202 with the proposal, made when another finance user confirms it.
    /// </summary>
    public static async Task<Results<Created<VoidResponse>, Accepted<ProposalView>, ProblemHttpResult>> VoidAsync(
        string scheme,
        string year,
        string number,
        HttpRequest request,
        InvoiceStore invoices,
        InvoiceVoiding voiding,
        ChangeProposals proposals,
        IOptions<FourEyesOptions> fourEyes,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (CrossSiteRequests.IsCrossSite(request))
        {
            return CrossSiteRequests.Refusal();
        }

        if (!InvoiceRoute.TryParse(scheme, year, number, out var key, out var problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        var (body, invalid) = await JsonRequests.ReadAsync<VoidRequest>(request, MaxBodyBytes, "en makulering", "{ \"reason\": \"Fakturerad av misstag\" }", cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var reason = body?.Reason?.Trim() ?? "";
        if (reason.Length == 0 || reason.Length > InvoiceVoiding.MaxReasonLength)
        {
            return ApiProblems.BadRequest($"reason (skälet) krävs, högst {InvoiceVoiding.MaxReasonLength} tecken: det skrivs ut på kreditfakturan.");
        }

        if (await invoices.FindAsync(key.Scheme, key.Year, key.Number, cancellationToken) is null)
        {
            return InvoiceEndpoints.NotFound(key);
        }

        if (fourEyes.Value.RequiredFor(key.Scheme))
        {
            // Four eyes: the void waits for another finance user's confirmation (POST /api/proposals/{id}/confirm);
            // one that could not be made is refused now, as it would be then.
            try
            {
                return ProposalEndpoints.Waiting((await proposals.ProposeVoidAsync(key, reason, cancellationToken)).Proposal);
            }
            catch (VoidRefusedException e)
            {
                return ApiProblems.Status(StatusCodes.Status409Conflict, "Fakturan kan inte makuleras.", e);
            }
        }

        VoidResult voided;
        try
        {
            voided = await voiding.VoidAsync(key, reason, cancellationToken);
        }
        catch (VoidRefusedException e)
        {
            return ApiProblems.Status(StatusCodes.Status409Conflict, "Fakturan kan inte makuleras.", e);
        }

        var chain = await invoices.FindChainAsync(key, cancellationToken) ?? throw new InvalidOperationException($"Invoice {key} disappeared after it was voided.");
        var today = SwedishCalendar.Today(time);
        var credit = voided.CreditNote;
        return TypedResults.Created(
            $"/api/invoices/{credit.Scheme}/{credit.Year}/{credit.Number}",
            new VoidResponse(InvoiceSummary.From(chain.BalanceOf(key.Number), today), InvoiceSummary.From(chain.BalanceOf(credit.Number), today)));
    }
}
