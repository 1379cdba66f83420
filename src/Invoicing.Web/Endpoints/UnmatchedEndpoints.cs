using System.Text.Json;
using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Issuing;
using Invoicing.Payments;
using Invoicing.Web.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace Invoicing.Web.Endpoints;

/// <summary>
/// The unmatched list: <c>GET /api/payments/unmatched</c> shows it (with each entry's texts and suggested invoice);
/// <c>POST /api/payments/unmatched/{id}/book</c> books an entry on the invoice a person confirms, the same booking as
/// <c>./invoicing payments book</c>.
/// </summary>
public static partial class UnmatchedEndpoints
{
    /// <summary>An invoice number and a scheme; anything bigger is not one.</summary>
    public const int MaxBodyBytes = 4 * 1024;

    public static async Task<Ok<UnmatchedPaymentView[]>> ListAsync(SuspenseList suspense, CancellationToken cancellationToken) =>
        TypedResults.Ok((await suspense.ListOpenAsync(cancellationToken)).Select(UnmatchedPaymentView.From).ToArray());

    /// <summary>
    /// Everything is checked before anything is written: the id (an open entry), the body, the invoice (issued; in
    /// the named scheme's series when it is in two). 200 with what the booking did; 400 when the entry cannot be
    /// booked on an invoice (money taken back) or the invoice cannot take it; 404 for an unknown entry or invoice.
    /// </summary>
    public static async Task<Results<Ok<PaymentResponse>, ProblemHttpResult>> BookAsync(
        string id,
        HttpRequest request,
        SuspenseList suspense,
        InvoiceFinder finder,
        InvoiceStore invoices,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (CrossSiteRequests.IsCrossSite(request))
        {
            return CrossSiteRequests.Refusal();
        }

        if (id.Length != 40 || !id.All(char.IsAsciiHexDigitLower))
        {
            return ApiProblems.BadRequest($"'{YearRoute.Shorten(id)}' är inget id för en ej matchad betalning (40 hexadecimala siffror med små bokstäver, som GET /api/payments/unmatched listar dem).");
        }

        if (!request.HasJsonContentType())
        {
            return ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, "Skicka JSON.", "Skicka fakturan som application/json: { \"invoice\": \"202600014\" }.");
        }

        if (!RequestBodyLimit.TryApply(request, MaxBodyBytes))
        {
            return TooLarge();
        }

        UnmatchedBookingRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<UnmatchedBookingRequest>(cancellationToken);
        }
        catch (JsonException e)
        {
            return ApiProblems.BadRequest(JsonRequests.NotJson("en bokning", e));
        }
        catch (RequestTooLargeException)
        {
            return TooLarge();
        }

        if (!InvoiceNumber.TryParse(body?.Invoice, out var number))
        {
            return ApiProblems.BadRequest($"invoice '{YearRoute.Shorten(body?.Invoice)}' är inget fakturanummer: nio siffror, året och ett femsiffrigt löpnummer (t.ex. 202600014).");
        }

        SchemeId? scheme = null;
        if (body!.Scheme is { } named)
        {
            if (!YearRoute.TryParse(named, number.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), out var route, out var problem))
            {
                return ApiProblems.BadRequest(problem);
            }

            scheme = route.Scheme;
        }

        if (await suspense.FindAsync(id, cancellationToken) is not { BookedTo: null, SameAs: null })
        {
            return ApiProblems.NotFound($"Det finns ingen öppen ej matchad betalning {id}.");
        }

        IssuedDocument? invoice;
        BookingResult result;
        try
        {
            invoice = await finder.FindAsync(number, cancellationToken, scheme);
            if (invoice is null)
            {
                return ApiProblems.NotFound($"Det finns ingen utfärdad faktura {number}.");
            }

            result = await suspense.BookAsync(id, invoice.Key, cancellationToken);
        }
        catch (InvalidPaymentException e)
        {
            return ApiProblems.BadRequest(e);
        }

        var logger = loggers.CreateLogger(typeof(UnmatchedEndpoints).FullName!);
        var user = request.HttpContext.User.Identity?.Name ?? "";
        LogBooked(logger, id, invoice.Number, user);
        var today = SwedishCalendar.Today(time);
        var chain = await invoices.FindChainAsync(invoice.Key, cancellationToken) ?? throw new InvalidOperationException($"Invoice {invoice.Key} disappeared after a booking on it.");
        return TypedResults.Ok(new PaymentResponse(result.Booked, result.Before.ToString(), result.After.ToString(), result.Flag.ToString(), InvoiceSummary.From(chain.BalanceOf(invoice.Number), today)));
    }

    private static ProblemHttpResult TooLarge() =>
        ApiProblems.Status(StatusCodes.Status413PayloadTooLarge, "Begäran är för stor.", $"En bokning får vara högst {MaxBodyBytes} byte JSON.");

    [LoggerMessage(EventId = 4102, EventName = "UnmatchedEntryBooked", Level = LogLevel.Information,
        Message = "Unmatched entry {Id} booked on invoice {InvoiceNumber} on the page by {User}")]
    private static partial void LogBooked(ILogger logger, string id, InvoiceNumber invoiceNumber, string user);
}
