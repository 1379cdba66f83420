using Invoicing.Budgets;
using Invoicing.EInvoices;
using Invoicing.Invoices;
using Invoicing.Payments;
using Invoicing.Reminders;
using Invoicing.Web.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;

namespace Invoicing.Web.Endpoints;

/// <summary>A year's invoices, its totals, one invoice in full, and its PDF.</summary>
public static class InvoiceEndpoints
{
    /// <summary>
    /// <c>GET /api/schemes/{scheme}/years/{year}/invoices?status=&amp;overdue=</c>, in number order; the year's documents
    /// are read again only when the year has changed (<see cref="YearDocuments"/>).
    /// </summary>
    public static async Task<Results<Ok<InvoiceSummary[]>, ProblemHttpResult>> ListAsync(
        string scheme,
        string year,
        string? status,
        string? overdue,
        BudgetStore budgets,
        YearDocuments documents,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!YearRoute.TryParse(scheme, year, out var route, out var problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        PaymentStatus? wantedStatus = null;
        if (!string.IsNullOrEmpty(status))
        {
            var name = Enum.GetNames<PaymentStatus>().FirstOrDefault(n => string.Equals(n, status, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                return ApiProblems.BadRequest($"status '{YearRoute.Shorten(status)}' är inte något av {string.Join(", ", Enum.GetNames<PaymentStatus>())}.");
            }

            wantedStatus = Enum.Parse<PaymentStatus>(name);
        }

        var onlyOverdue = false;
        if (!string.IsNullOrEmpty(overdue) && !bool.TryParse(overdue, out onlyOverdue))
        {
            return ApiProblems.BadRequest($"overdue '{YearRoute.Shorten(overdue)}' är varken true eller false.");
        }

        var found = await YearInvoices.FindAsync(route, budgets, documents, cancellationToken);
        if (found is null)
        {
            return YearInvoices.NotFound(route);
        }

        var today = SwedishCalendar.Today(time);
        var balances = documents.BalancesOf(found);
        var corrections = InvoiceSummary.Corrections(balances);
        return TypedResults.Ok(balances
            .Where(b => wantedStatus is null || b.Status == wantedStatus)
            .Where(b => !onlyOverdue || InvoiceStanding.IsOverdue(b, today))
            .Select(b => InvoiceSummary.From(b, today, corrections))
            .ToArray());
    }

    /// <summary><c>GET /api/schemes/{scheme}/years/{year}/summary</c>.</summary>
    public static async Task<Results<Ok<YearSummary>, ProblemHttpResult>> SummaryAsync(
        string scheme,
        string year,
        BudgetStore budgets,
        YearDocuments documents,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (route, found, problem) = await YearInvoices.LoadAsync(scheme, year, budgets, documents, cancellationToken);
        return problem is not null
            ? problem
            : TypedResults.Ok(YearSummary.From(route.Scheme, route.Year, documents.BalancesOf(found), SwedishCalendar.Today(time)));
    }

    /// <summary><c>GET /api/invoices/{scheme}/{year}/{number}</c>: lines, payments, reminders and its chain.</summary>
    public static async Task<Results<Ok<InvoiceDetail>, ProblemHttpResult>> GetAsync(
        string scheme,
        string year,
        string number,
        InvoiceStore invoices,
        PaymentHistory payments,
        ReminderHistory reminders,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (key, invoice, problem) = await LoadAsync(scheme, year, number, invoices, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var chain = await invoices.FindChainAsync(key, cancellationToken);
        if (chain is null)
        {
            return NotFound(key);
        }

        var paid = await payments.ListAsync(key, cancellationToken);
        var sent = await reminders.ListAsync(key, cancellationToken);
        return TypedResults.Ok(InvoiceDetail.From(chain, invoice.Number, paid, sent, SwedishCalendar.Today(time)));
    }

    /// <summary>
    /// <c>GET /api/invoices/{scheme}/{year}/{number}/pdf</c>: the PDF from its blob (or from memory, <see cref="InvoicePdfs"/>),
    /// as <c>faktura-{number}.pdf</c>, with its SHA-256 as entity tag, so a client that has it gets a 304 for
    /// <c>If-None-Match</c>. The blob's name comes from the stored invoice, never from the request.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(
        string scheme,
        string year,
        string number,
        YearDocuments documents,
        InvoicePdfs pdfs,
        CancellationToken cancellationToken)
    {
        if (!InvoiceRoute.TryParse(scheme, year, number, out var key, out var problem))
        {
            return ApiProblems.BadRequest(problem);
        }

        // A document the year's list has shown needs no row read: what the PDF route takes from it never changes.
        var invoice = await documents.FindRecordedAsync(key, cancellationToken);
        if (invoice is null)
        {
            return NotFound(key);
        }

        return PdfOf(invoice, await pdfs.ReadAsync(invoice, cancellationToken));
    }

    /// <summary>An invoice's PDF as both routes answer it: an attachment named after the invoice, tagged with its SHA-256.</summary>
    internal static FileContentHttpResult PdfOf(IssuedDocument invoice, byte[] pdf) =>
        TypedResults.File(pdf, "application/pdf", $"faktura-{invoice.Number}.pdf", entityTag: InvoicePdfs.EntityTagOf(invoice));

    /// <summary>
    /// <c>GET /api/invoices/{scheme}/{year}/{number}/ubl</c>: the Peppol BIS Billing 3.0 e-invoice streamed from its
    /// blob, as <c>e-faktura-{number}.xml</c>; 404 with the recorded reason when the invoice is PDF only.
    /// </summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> UblAsync(
        string scheme,
        string year,
        string number,
        InvoiceStore invoices,
        InvoiceArchive archive,
        CancellationToken cancellationToken)
    {
        var (_, invoice, problem) = await LoadAsync(scheme, year, number, invoices, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (invoice.EInvoiceBlobName is not { } blobName)
        {
            return ApiProblems.NotFound($"Faktura {invoice.Number} har ingen e-faktura: {EInvoiceEligibility.InSwedish(invoice.EInvoiceMissingReason)}.");
        }

        return TypedResults.Stream(
            body => archive.DownloadToAsync(Storage.StorageNames.EInvoicesContainer, blobName, body, cancellationToken),
            EInvoices.UblWriter.ContentType,
            $"e-faktura-{invoice.Number}.xml");
    }

    /// <summary>
    /// <c>GET /api/invoices/{scheme}/{year}/{number}/reminders/{level}/pdf</c>: the reminder's PDF as it was sent, streamed
    /// from its blob as <c>paminnelse-{number}-{level}.pdf</c>; 404 when the invoice has no such reminder, or its PDF is
    /// not written yet (the next reminder run writes it).
    /// </summary>
    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ReminderPdfAsync(
        string scheme,
        string year,
        string number,
        string level,
        InvoiceStore invoices,
        ReminderHistory reminders,
        InvoiceArchive archive,
        CancellationToken cancellationToken)
    {
        var (key, invoice, problem) = await LoadAsync(scheme, year, number, invoices, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!int.TryParse(level, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var wanted) || wanted is < 1 or > Invoice.MaxReminderLevel)
        {
            return ApiProblems.BadRequest($"Påminnelsenivån '{YearRoute.Shorten(level)}' är varken 1 eller {Invoice.MaxReminderLevel}.");
        }

        var reminder = await reminders.FindAsync(key, wanted, cancellationToken);
        if (reminder is null)
        {
            return ApiProblems.NotFound($"Faktura {invoice.Number} har ingen påminnelse {wanted}.");
        }

        if (!await archive.ExistsAsync(Storage.StorageNames.RemindersContainer, reminder.BlobName, cancellationToken))
        {
            return ApiProblems.NotFound($"Påminnelse {wanted} för faktura {invoice.Number} är registrerad men dess PDF är inte skriven än; nästa påminnelsekörning skriver den.");
        }

        return TypedResults.Stream(
            body => archive.DownloadToAsync(Storage.StorageNames.RemindersContainer, reminder.BlobName, body, cancellationToken),
            "application/pdf",
            reminder.FileName);
    }

    /// <summary>
    /// The invoice from the raw route values, or the problem to answer with (400 malformed, 404 unknown); the
    /// invoice is set exactly when the problem is not.
    /// </summary>
    internal static async Task<(InvoiceKey Key, IssuedDocument Invoice, ProblemHttpResult? Problem)> LoadAsync(
        string scheme, string year, string number, InvoiceStore invoices, CancellationToken cancellationToken)
    {
        if (!InvoiceRoute.TryParse(scheme, year, number, out var key, out var problem))
        {
            return (key, null!, ApiProblems.BadRequest(problem));
        }

        var invoice = await invoices.FindAsync(key.Scheme, key.Year, key.Number, cancellationToken);
        return invoice is null ? (key, null!, NotFound(key)) : (key, invoice, null);
    }

    internal static ProblemHttpResult NotFound(InvoiceKey key) =>
        ApiProblems.NotFound($"Det finns ingen faktura {key.Number} i samverkan {key.Scheme}, år {key.Year}.");
}
