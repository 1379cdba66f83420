using Invoicing.Reminders;
using Invoicing.Web;
using Invoicing.Web.Endpoints;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Invoicing.Functions;

/// <summary>Finance e-mails a party its statement through the outbox: the route only, the handler is <see cref="StatementMailEndpoints"/>.</summary>
public sealed class StatementMailFunction(StatementMail mail, TimeProvider time)
{
    [Function("SendPartyStatement")]
    public Task<IResult> SendAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "POST", Route = ApiRoutes.PartyStatementSend)] HttpRequest request,
        string scheme,
        string year,
        string party,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Finance, () =>
            StatementMailEndpoints.SendAsync(scheme, year, party, request, mail, time, cancellationToken));
}
