using Invoicing.Parties;
using Invoicing.Reminders;
using Invoicing.Reports;
using Invoicing.Web.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invoicing.Web.Endpoints;

/// <summary>
/// <c>POST /api/schemes/{scheme}/years/{year}/parties/{party}/statement/send</c>: finance e-mails a party its statement of
/// today through the outbox (<see cref="StatementMail"/>, as <c>invoicing statement PARTY --send</c> does), once a day.
/// </summary>
public static class StatementMailEndpoints
{
    /// <summary>
    /// No body → 200 with the queued message, <c>queuedNow</c> false when the day's statement was queued earlier (nothing
    /// is queued twice); 400 for a malformed party code; 404 for an unknown party or one without documents that year; 409
    /// for a party without an invoice e-mail address.
    /// </summary>
    public static async Task<Results<Ok<StatementSendResponse>, ProblemHttpResult>> SendAsync(
        string scheme,
        string year,
        string party,
        HttpRequest request,
        StatementMail mail,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (CrossSiteRequests.IsCrossSite(request))
        {
            return CrossSiteRequests.Refusal();
        }

        if (!YearRoute.TryParse(scheme, year, out var route, out var problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        if (!YearRoute.TryParseParty(party, out var code, out problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        try
        {
            // Today in Sweden, as the CLI's default: the outbox id is per day, so a second press the same day queues nothing.
            var sent = await mail.SendAsync(route.Scheme, route.Year, code, SwedishCalendar.Today(time), cancellationToken);
            var statement = sent.Document.Statement;
            return TypedResults.Ok(new StatementSendResponse(
                route.Scheme.Value, route.Year, code.Value, statement.PartyName, IsoDate.Format(statement.AsOf), sent.MessageId, sent.To, sent.Document.FileName(), sent.QueuedNow));
        }
        catch (StatementUnavailableException e)
        {
            return ApiProblems.NotFound(e);
        }
        catch (StatementAddressMissingException e)
        {
            return ApiProblems.Status(StatusCodes.Status409Conflict, "Kontoutdraget kan inte skickas.", e);
        }
    }
}
