using Invoicing.Approvals;
using Invoicing.Invoices;
using Invoicing.Payments;
using Invoicing.Web.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Web.Endpoints;

/// <summary>
/// <c>POST /api/invoices/{scheme}/{year}/{number}/payments</c>: finance registers a payment by hand;
/// <c>…/refunds</c>: finance books money paid back to a party that paid more than it owes.
/// </summary>
public static partial class PaymentEndpoints
{
    /// <summary>A payment is a few short fields; anything bigger is not one.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>
    /// Everything is checked before anything is written: route, body, amount (positive, at most two decimals),
    /// date (a date), the invoice; then the ledger's one acceptance rule (positive, not in the future: 400). 201 when booked, 200 with <c>booked: false</c> when this
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
        var (key, body, amount, paidOn, problem) = await ReadAsync(scheme, year, number, request, invoices, "en betalning", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var note = string.IsNullOrWhiteSpace(body!.Note) ? null : body.Note.Trim();
        var reference = string.IsNullOrWhiteSpace(body.Reference) ? null : body.Reference.Trim();
        BookingResult result;
        try
        {
            result = await ledger.BookAsync(key, PaymentBooking.Manual(key.Number, amount, paidOn, note, reference), cancellationToken);
        }
        catch (InvalidPaymentException e)
        {
            return ApiProblems.BadRequest(e);
        }

        var logger = loggers.CreateLogger(typeof(PaymentEndpoints).FullName!);
        var amountText = amount.ToInvariantString();
        LogRegistered(logger, amountText, key.Number, request.HttpContext.User.Identity?.Name ?? "", result.Booked);
        return await RespondAsync(key, result, invoices, time, cancellationToken);
    }

    /// <summary>
    /// <c>POST /api/invoices/{scheme}/{year}/{number}/refunds</c>: <c>{ amount, date, reference, note? }</c>, checked as a
    /// payment is, and refused (400) when it is more than its chain owes back on the invoice. 201 when booked, 200 with
    /// <c>booked: false</c> when the same refund (invoice, date, amount, reference) was booked before.
    /// </summary>
    public static async Task<Results<Created<PaymentResponse>, Ok<PaymentResponse>, Accepted<ProposalView>, ProblemHttpResult>> RefundAsync(
        string scheme,
        string year,
        string number,
        HttpRequest request,
        InvoiceStore invoices,
        PaymentLedger ledger,
        ChangeProposals proposals,
        IOptions<FourEyesOptions> fourEyes,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var (key, body, amount, paidOn, problem) = await ReadAsync(scheme, year, number, request, invoices, "en återbetalning", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body!.Reference))
        {
            return ApiProblems.BadRequest("reference krävs: betalningsuppdraget eller raden i kontoutdraget som återbetalningen gjordes med.");
        }

        var note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        if (fourEyes.Value.RequiredFor(key.Scheme))
        {
            // Four eyes: money going out waits for another finance user's confirmation (POST /api/proposals/{id}/confirm);
            // a refund that could not be booked is refused now, as it would be then.
            try
            {
                return ProposalEndpoints.Waiting((await proposals.ProposeRefundAsync(key, amount, paidOn, body.Reference.Trim(), note, cancellationToken)).Proposal);
            }
            catch (InvalidPaymentException e)
            {
                return ApiProblems.BadRequest(e);
            }
        }

        BookingResult result;
        try
        {
            result = await ledger.RefundAsync(key, PaymentBooking.ManualRefund(key.Number, amount, paidOn, body.Reference.Trim(), note), cancellationToken);
        }
        catch (InvalidPaymentException e)
        {
            return ApiProblems.BadRequest(e);
        }

        var logger = loggers.CreateLogger(typeof(PaymentEndpoints).FullName!);
        var amountText = amount.ToInvariantString();
        LogRefunded(logger, amountText, key.Number, request.HttpContext.User.Identity?.Name ?? "", result.Booked);
        return (await RespondAsync(key, result, invoices, time, cancellationToken)).Result switch
        {
            Created<PaymentResponse> created => created,
            Ok<PaymentResponse> ok => ok,
            ProblemHttpResult failed => failed,
            var other => throw new InvalidOperationException($"Unexpected answer {other}."),
        };
    }

    /// <summary>
    /// The route, body, amount and date of a payment or refund, and the invoice it is for; or the problem to answer with
    /// (set exactly when the rest is not).
    /// </summary>
    private static async Task<(InvoiceKey Key, PaymentRequest? Body, Money Amount, DateOnly PaidOn, ProblemHttpResult? Problem)> ReadAsync(
        string scheme, string year, string number, HttpRequest request, InvoiceStore invoices, string what, CancellationToken cancellationToken)
    {
        if (CrossSiteRequests.IsCrossSite(request))
        {
            return (default, null, default, default, CrossSiteRequests.Refusal());
        }

        if (!InvoiceRoute.TryParse(scheme, year, number, out var key, out var problem))
        {
            return (key, null, default, default, ApiProblems.BadRequest(problem));
        }

        var (body, invalid) = await JsonRequests.ReadAsync<PaymentRequest>(
            request, MaxBodyBytes, what, "{ \"amount\": \"43035,00\", \"date\": \"2026-11-20\", \"reference\": \"…\", \"note\": \"…\" }", cancellationToken);
        if (invalid is not null)
        {
            return (key, null, default, default, invalid);
        }

        if (body is null)
        {
            return (key, null, default, default, ApiProblems.BadRequest("Innehållet är tomt; skicka { \"amount\": …, \"date\": \"yyyy-MM-dd\" }."));
        }

        var sentAmount = body.AmountText();
        // Parsed here; whether the amount and date are acceptable is the ledger's one rule (PaymentAcceptance), answered as 400.
        if (!Money.TryParseKronor(sentAmount, out var amount))
        {
            return (key, null, default, default, ApiProblems.BadRequest($"amount '{YearRoute.Shorten(sentAmount)}' är inget belopp i kronor med högst två decimaler (t.ex. 43035.00 eller \"43 035,00\")."));
        }

        if (!IsoDate.TryParse(body.Date, out var paidOn))
        {
            return (key, null, default, default, ApiProblems.BadRequest($"date '{YearRoute.Shorten(body.Date)}' är inget datum på formen yyyy-MM-dd."));
        }

        if (body.Note?.Length > PaymentRequest.MaxTextLength || body.Reference?.Length > PaymentRequest.MaxTextLength)
        {
            return (key, null, default, default, ApiProblems.BadRequest($"note och reference får vara högst {PaymentRequest.MaxTextLength} tecken vardera."));
        }

        if (await invoices.FindAsync(key.Scheme, key.Year, key.Number, cancellationToken) is null)
        {
            return (key, null, default, default, InvoiceEndpoints.NotFound(key));
        }

        return (key, body, amount, paidOn, null);
    }

    /// <summary>201 with the invoice as its chain now sees it when booked, 200 when this very booking had been made before.</summary>
    private static async Task<Results<Created<PaymentResponse>, Ok<PaymentResponse>, ProblemHttpResult>> RespondAsync(
        InvoiceKey key, BookingResult result, InvoiceStore invoices, TimeProvider time, CancellationToken cancellationToken)
    {
        var chain = await invoices.FindChainAsync(key, cancellationToken) ?? throw new InvalidOperationException($"Invoice {key} disappeared after a booking on it.");
        var response = new PaymentResponse(result.Booked, result.Before.ToString(), result.After.ToString(), result.Flag.ToString(), InvoiceSummary.From(chain.BalanceOf(key.Number), SwedishCalendar.Today(time)));
        return result.Booked
            ? TypedResults.Created($"/api/invoices/{key.Scheme}/{key.Year}/{key.Number}", response)
            : TypedResults.Ok(response);
    }

    [LoggerMessage(EventId = 4100, EventName = "ManualPaymentRegistered", Level = LogLevel.Information,
        Message = "Payment of {Amount} SEK on invoice {InvoiceNumber} registered on the page by {User} (booked: {Booked})")]
    private static partial void LogRegistered(ILogger logger, string amount, InvoiceNumber invoiceNumber, string user, bool booked);

    [LoggerMessage(EventId = 4102, EventName = "RefundRegistered", Level = LogLevel.Information,
        Message = "Refund of {Amount} SEK on invoice {InvoiceNumber} registered on the page by {User} (booked: {Booked})")]
    private static partial void LogRefunded(ILogger logger, string amount, InvoiceNumber invoiceNumber, string user, bool booked);
}
