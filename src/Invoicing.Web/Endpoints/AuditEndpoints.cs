using Invoicing.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Invoicing.Web.Endpoints;

/// <summary>The audit trail: every event (<c>GET /api/audit</c>, filtered by scheme, year, invoice) and one invoice's history (the page's "Historik").</summary>
public static class AuditEndpoints
{
    /// <summary><c>GET /api/audit?scheme=&amp;year=&amp;invoice=</c>: the events in the order recorded; 400 for a filter that is not a scheme, year or invoice number.</summary>
    public static async Task<Results<Ok<AuditEventDto[]>, ProblemHttpResult>> ListAsync(HttpRequest request, AuditTrail audit, CancellationToken cancellationToken)
    {
        var query = new AuditQuery();
        if (request.Query["scheme"] is { Count: > 0 } scheme)
        {
            if (!YearRoute.TryParseScheme(scheme.ToString(), out var id, out var problem))
            {
                return ApiProblems.BadRequest(problem);
            }

            query = query with { Scheme = id };
        }

        if (request.Query["year"] is { Count: > 0 } year)
        {
            if (!YearRoute.TryParseYear(year.ToString(), out var value, out var problem))
            {
                return ApiProblems.BadRequest(problem);
            }

            query = query with { Year = value };
        }

        if (request.Query["invoice"] is { Count: > 0 } invoice)
        {
            if (!InvoiceNumber.TryParse(invoice.ToString(), out var number))
            {
                return ApiProblems.BadRequest($"'{YearRoute.Shorten(invoice.ToString())}' är inget fakturanummer: nio siffror, året och ett femsiffrigt löpnummer (t.ex. 202600014).");
            }

            query = query with { Invoice = number };
        }

        return TypedResults.Ok((await audit.ListAsync(query, cancellationToken)).Select(AuditEventDto.From).ToArray());
    }

    /// <summary><c>GET /api/invoices/{scheme}/{year}/{number}/history</c>: what was done to this document, by whom, in order.</summary>
    public static async Task<Results<Ok<AuditEventDto[]>, ProblemHttpResult>> HistoryAsync(
        string scheme, string year, string number, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (!InvoiceRoute.TryParse(scheme, year, number, out var key, out var problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        var events = await audit.ListAsync(new AuditQuery { Scheme = key.Scheme, Year = key.Year, Invoice = key.Number }, cancellationToken);
        return TypedResults.Ok(events.Select(AuditEventDto.From).ToArray());
    }
}
