using System.Text.Json;
using Invoicing.Invoices;
using Invoicing.Payments;
using Invoicing.Web.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace Invoicing.Web.Endpoints;

/// <summary><c>POST /api/invoices/{scheme}/{year}/{number}/payments</c>: finance registers a payment by hand.</summary>
public static partial class PaymentEndpoints
{
    /// <summary>A payment is a few short fields; anything bigger is not one.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>
    /// Everything is checked before anything is written: route, body, amount (positive, at most two decimals),
    /// date (a date, not in the future), the invoice. 201 when booked, 200 with <c>booked: false</c> when this
    /// very payment was booked before.
    /// </summary>
    public static async Task<Results<Created<PaymentResponse>, Ok<PaymentResponse>, ProblemHttpResult>> BookAsync(
        string scheme,
        string year,
        string number,
        HttpRequest request,
        InvoiceStore invoices,
        PaymentLedger ledger,
        TimeProvider time,
        ILoggerFactory loggers,
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

        if (!request.HasJsonContentType())
        {
            return ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, "Send JSON.", "Send the payment as application/json: { \"amount\": \"43035,00\", \"date\": \"2026-11-20\", \"note\": \"…\" }.");
        }

        if (!RequestBodyLimit.TryApply(request, MaxBodyBytes))
        {
            return TooLarge();
        }

        PaymentRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<PaymentRequest>(cancellationToken);
        }
        catch (JsonException e)
        {
            return ApiProblems.BadRequest($"The body is not a payment in JSON: {e.Message}");
        }
        catch (RequestTooLargeException)
        {
            return TooLarge();
        }

        if (body is null)
        {
            return ApiProblems.BadRequest("The body is empty; send { \"amount\": …, \"date\": \"yyyy-MM-dd\" }.");
        }

        var sentAmount = body.AmountText();
        if (!Money.TryParseKronor(sentAmount, out var amount) || amount <= Money.Zero)
        {
            return ApiProblems.BadRequest($"amount '{YearRoute.Shorten(sentAmount)}' is not a positive amount in kronor with at most two decimals (e.g. 43035.00 or \"43 035,00\").");
        }

        if (!IsoDate.TryParse(body.Date, out var paidOn))
        {
            return ApiProblems.BadRequest($"date '{YearRoute.Shorten(body.Date)}' is not a date in the form yyyy-MM-dd.");
        }

        var today = SwedishCalendar.Today(time);
        if (paidOn > today)
        {
            return ApiProblems.BadRequest($"date {IsoDate.Format(paidOn)} is in the future (today is {IsoDate.Format(today)}); register a payment when it has been received.");
        }

        if (body.Note?.Length > PaymentRequest.MaxTextLength || body.Reference?.Length > PaymentRequest.MaxTextLength)
        {
            return ApiProblems.BadRequest($"note and reference are at most {PaymentRequest.MaxTextLength} characters each.");
        }

        var invoice = await invoices.FindAsync(key.Scheme, key.Year, key.Number, cancellationToken);
        if (invoice is null)
        {
            return InvoiceEndpoints.NotFound(key);
        }

        var note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        var reference = string.IsNullOrWhiteSpace(body.Reference) ? null : body.Reference.Trim();
        BookingResult result;
        try
        {
            result = await ledger.BookAsync(key, PaymentBooking.Manual(key.Number, amount, paidOn, note, reference), cancellationToken);
        }
        catch (InvalidPaymentException e)
        {
            return ApiProblems.BadRequest(e.Message);
        }
        var logger = loggers.CreateLogger(typeof(PaymentEndpoints).FullName!);
        var amountText = amount.ToInvariantString();
        LogRegistered(logger, amountText, key.Number, request.HttpContext.User.Identity?.Name ?? "", result.Booked);

        var chain = await invoices.FindChainAsync(key, cancellationToken) ?? throw new InvalidOperationException($"Invoice {key} disappeared after a payment was booked on it.");
        var response = new PaymentResponse(result.Booked, result.Before.ToString(), result.After.ToString(), result.Flag.ToString(), InvoiceSummary.From(chain.BalanceOf(key.Number), today));
        return result.Booked
            ? TypedResults.Created($"/api/invoices/{key.Scheme}/{key.Year}/{key.Number}", response)
            : TypedResults.Ok(response);
    }

    private static ProblemHttpResult TooLarge() =>
        ApiProblems.Status(StatusCodes.Status413PayloadTooLarge, "The request is too large.", $"A payment is at most {MaxBodyBytes} bytes of JSON.");

    [LoggerMessage(EventId = 4100, EventName = "ManualPaymentRegistered", Level = LogLevel.Information,
        Message = "Payment of {Amount} SEK on invoice {InvoiceNumber} registered on the page by {User} (booked: {Booked})")]
    private static partial void LogRegistered(ILogger logger, string amount, InvoiceNumber invoiceNumber, string user, bool booked);
}
