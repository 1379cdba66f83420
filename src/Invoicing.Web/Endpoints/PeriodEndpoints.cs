using Invoicing.Approvals;
using Invoicing.Issuers;
using Invoicing.Periods;
using Invoicing.Web.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Invoicing.Web.Endpoints;

/// <summary>
/// Closed months of the books of a scheme's issuer (<see cref="AccountingPeriods"/>): finance lists them, closes a month
/// after reconciling it, and reopens one — with four eyes on for the scheme, as a proposal another finance user confirms.
/// </summary>
public static class PeriodEndpoints
{
    public const int MaxBodyBytes = 2 * 1024;

    public const int MaxTextLength = 200;

    /// <summary><c>GET /api/schemes/{scheme}/periods</c>: every month ever closed, the latest first.</summary>
    public static async Task<Results<Ok<PeriodDto[]>, ProblemHttpResult>> ListAsync(
        string scheme, AccountingPeriods periods, IssuerDirectory issuers, CancellationToken cancellationToken)
    {
        if (!YearRoute.TryParseScheme(scheme, out var id, out var problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        return TypedResults.Ok((await periods.ListAsync(issuers.For(id), cancellationToken)).Select(PeriodDto.From).ToArray());
    }

    /// <summary>
    /// <c>POST /api/schemes/{scheme}/periods/{month}/close</c> with <c>{ "note": "…" }</c> → 200 with the month as closed
    /// (also when it was closed already: closing is safe to repeat); 409 for a month that has not ended.
    /// </summary>
    public static async Task<Results<Ok<PeriodDto>, ProblemHttpResult>> CloseAsync(
        string scheme, string month, HttpRequest request, AccountingPeriods periods, IssuerDirectory issuers, CancellationToken cancellationToken)
    {
        if (CrossSiteRequests.IsCrossSite(request))
        {
            return CrossSiteRequests.Refusal();
        }

        if (!TryParse(scheme, month, out var id, out var closing, out var problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        var (body, invalid) = await JsonRequests.ReadAsync<PeriodCloseRequest>(request, MaxBodyBytes, "en stängning", "{ \"note\": \"Avstämd mot kontoutdraget\" }", cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (body?.Note is { Length: > MaxTextLength })
        {
            return ApiProblems.BadRequest($"note (anteckningen) får vara högst {MaxTextLength} tecken.");
        }

        try
        {
            return TypedResults.Ok(PeriodDto.From((await periods.CloseAsync(issuers.For(id), closing, body?.Note, cancellationToken)).Period));
        }
        catch (PeriodStateException e)
        {
            return ApiProblems.Status(StatusCodes.Status409Conflict, "Månaden kan inte stängas.", e);
        }
    }

    /// <summary>
    /// <c>POST /api/schemes/{scheme}/periods/{month}/reopen</c> with <c>{ "reason": "…" }</c> → 200 with the month reopened;
    /// with four eyes on for the scheme 202 with the proposal; 409 for a month that is open.
    /// </summary>
    public static async Task<Results<Ok<PeriodDto>, Accepted<ProposalView>, ProblemHttpResult>> ReopenAsync(
        string scheme,
        string month,
        HttpRequest request,
        AccountingPeriods periods,
        IssuerDirectory issuers,
        ChangeProposals proposals,
        IOptions<FourEyesOptions> fourEyes,
        CancellationToken cancellationToken)
    {
        if (CrossSiteRequests.IsCrossSite(request))
        {
            return CrossSiteRequests.Refusal();
        }

        if (!TryParse(scheme, month, out var id, out var reopening, out var problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        var (body, invalid) = await JsonRequests.ReadAsync<PeriodReopenRequest>(request, MaxBodyBytes, "en återöppning", "{ \"reason\": \"Sen rättelse av bankavstämningen\" }", cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var reason = body?.Reason?.Trim() ?? "";
        if (reason.Length == 0 || reason.Length > MaxTextLength)
        {
            return ApiProblems.BadRequest($"reason (skälet) krävs, högst {MaxTextLength} tecken: det sparas i granskningsloggen.");
        }

        try
        {
            if (fourEyes.Value.RequiredFor(id))
            {
                return ProposalEndpoints.Waiting((await proposals.ProposeReopeningAsync(id, reopening, reason, cancellationToken)).Proposal);
            }

            return TypedResults.Ok(PeriodDto.From(await periods.ReopenAsync(issuers.For(id), reopening, reason, cancellationToken)));
        }
        catch (PeriodStateException e)
        {
            return ApiProblems.Status(StatusCodes.Status409Conflict, "Månaden kan inte öppnas igen.", e);
        }
    }

    private static bool TryParse(string scheme, string month, out SchemeId id, out AccountingMonth parsed, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        parsed = default;
        if (!YearRoute.TryParseScheme(scheme, out id, out problem))
        {
            return false;
        }

        if (!AccountingMonth.TryParse(month, out parsed))
        {
            problem = $"'{YearRoute.Shorten(month)}' är ingen månad på formen yyyy-MM (t.ex. 2026-11).";
            return false;
        }

        return true;
    }
}
