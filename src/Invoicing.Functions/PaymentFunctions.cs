using Invoicing.Approvals;
using Invoicing.Invoices;
using Invoicing.Issuing;
using Invoicing.Payments;
using Invoicing.Web;
using Invoicing.Web.Endpoints;
using Invoicing.Web.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Functions;

/// <summary>
/// Payments: the changes finance makes, for <see cref="InvoicingRoles.Finance"/> only — a payment registered by hand and a
/// refund paid out (<see cref="PaymentEndpoints"/>), an uploaded bank file (<see cref="BankFileEndpoints"/>), an unmatched
/// entry booked (<see cref="UnmatchedEndpoints"/>) — and the unmatched list and the archived bank files, for readers too.
/// </summary>
public sealed class PaymentFunctions(
    InvoiceStore invoices,
    PaymentLedger ledger,
    BankFileIntake intake,
    BankFileArchive archive,
    SuspenseList suspense,
    InvoiceFinder finder,
    ChangeProposals proposals,
    IOptions<FourEyesOptions> fourEyes,
    TimeProvider time,
    ILoggerFactory loggers)
{
    [Function("BookPayment")]
    public Task<IResult> BookAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "POST", Route = ApiRoutes.InvoicePayments)] HttpRequest request,
        string scheme,
        string year,
        string number,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Finance, () =>
            PaymentEndpoints.BookAsync(scheme, year, number, request, invoices, ledger, time, loggers, cancellationToken));

    [Function("BookRefund")]
    public Task<IResult> RefundAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "POST", Route = ApiRoutes.InvoiceRefunds)] HttpRequest request,
        string scheme,
        string year,
        string number,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Finance, () =>
            PaymentEndpoints.RefundAsync(scheme, year, number, request, invoices, ledger, proposals, fourEyes, time, loggers, cancellationToken));

    [Function("UploadBankFile")]
    public Task<IResult> UploadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "POST", Route = ApiRoutes.BankFiles)] HttpRequest request,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Finance, () =>
            BankFileEndpoints.ImportAsync(request, intake, loggers, cancellationToken));

    [Function("ListUnmatchedPayments")]
    public Task<IResult> ListUnmatchedAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.UnmatchedPayments)] HttpRequest request,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            UnmatchedEndpoints.ListAsync(suspense, cancellationToken));

    [Function("BookUnmatchedPayment")]
    public Task<IResult> BookUnmatchedAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "POST", Route = ApiRoutes.UnmatchedPaymentBooking)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Finance, () =>
            UnmatchedEndpoints.BookAsync(id, request, suspense, finder, invoices, time, loggers, cancellationToken));

    [Function("ListBankFiles")]
    public Task<IResult> ListBankFilesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.ArchivedBankFiles)] HttpRequest request,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            BankFileEndpoints.ListAsync(archive, cancellationToken));

    [Function("DownloadBankFile")]
    public Task<IResult> DownloadBankFileAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "GET", "HEAD", Route = ApiRoutes.ArchivedBankFile)] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        EndpointAccess.RunAsync(request.HttpContext, InvoicingPolicies.Reader, () =>
            BankFileEndpoints.DownloadAsync(id, archive, cancellationToken));
}
