using Invoicing.Allocation;
using Invoicing.Budgets;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Planning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Issuing;

/// <summary>
/// What the timer calls: for each approved budget not yet fully invoiced, allocate it at its current revision
/// and issue the documents that revision needs: every party's invoice for the budget as first approved, and
/// for a revision the credit notes and supplementary invoices <see cref="ChangePlanner"/> plans. Safe to run
/// again, concurrently, or after a crash: see <see cref="InvoiceIssuing"/>. A failed document does not stop
/// the others; the next run picks it up under the number it already has.
/// </summary>
public sealed partial class AnnualInvoicingRun(
    BudgetStore budgets,
    InvoicePlanner planner,
    InvoiceIssuing issuing,
    InvoiceStore invoices,
    Parties.PartyStore parties,
    IssuerDirectory issuers,
    Mail.Outbox outbox,
    IOptions<Mail.SmtpOptions> smtpOptions,
    TimeProvider time,
    ILogger<AnnualInvoicingRun> logger)
{
    public async Task<AnnualRunSummary> RunAsync(int? year, CancellationToken cancellationToken)
    {
        // Validated before anything is read or written: a bad bankgiro must not reach a single invoice.
        issuers.All();
        var today = SwedishCalendar.Today(time);

        // Every log line of this run carries its id, so one run can be followed from timer to blob and table.
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = Guid.NewGuid().ToString("N"), ["RunDate"] = IsoDate.Format(today) });
        var results = new List<BudgetRunResult>();
        foreach (var (scheme, budgetYear) in await budgets.FindApprovedNotCompletedAsync(year, cancellationToken))
        {
            results.Add(await RunBudgetAsync(scheme, budgetYear, issuers.For(scheme), today, cancellationToken));
        }

        // Invoice e-mails go out at once when a mail server is configured; otherwise they wait in the outbox.
        if (results.Any(r => r.Created > 0) && !string.IsNullOrWhiteSpace(smtpOptions.Value.Host))
        {
            await outbox.DeliverPendingAsync(cancellationToken);
        }

        var summary = new AnnualRunSummary(results);
        var rejected = results.Count(r => r.Error is not null);
        LogSummary(results.Count, summary.Created, summary.Existing, summary.Failed, rejected);
        return summary;
    }

    private async Task<BudgetRunResult> RunBudgetAsync(SchemeId scheme, int year, Issuer issuer, DateOnly today, CancellationToken cancellationToken)
    {
        IReadOnlyList<PlannedDocument> documents;
        Budget budget;
        try
        {
            budget = await budgets.GetAsync(scheme, year, cancellationToken);
            documents = await PlanDocumentsAsync(budget, cancellationToken);
        }
        catch (Exception e) when (e is BudgetValidationException or BudgetStateException or InvalidDataException)
        {
            LogBudgetRejected(e, $"{scheme} {year}");
            return new BudgetRunResult(scheme, year, 0, 0, 0, 0, e.Message, []);
        }

        int created = 0, existing = 0;
        var failures = new List<string>();
        foreach (var result in await issuing.IssueAsync(budget, documents, issuer, today, cancellationToken))
        {
            if (result.Failure is { } failure)
            {
                LogInvoiceFailed(failure, result.Document.Debtor.Code.Value, budget.Key);
                failures.Add($"{result.Document.Debtor.Code} {result.Document.Debtor.Name}: {failure.Message}");
            }
            else if (result.Outcome == IssueOutcome.Created)
            {
                created++;
            }
            else
            {
                existing++;
            }
        }

        if (failures.Count == 0)
        {
            await budgets.MarkInvoicingCompletedAsync(scheme, year, budget.Revision, cancellationToken);
        }

        LogBudgetDone(budget.Key, documents.Count, created, existing, failures.Count);
        return new BudgetRunResult(scheme, year, documents.Count, created, existing, failures.Count, null, failures) { Revision = budget.Revision };
    }

    /// <summary>
    /// The budget as first approved: one invoice per paying party. A revision: the documents that take each
    /// party from what its earlier documents say to its share in the revision.
    /// </summary>
    private async Task<IReadOnlyList<PlannedDocument>> PlanDocumentsAsync(Budget budget, CancellationToken cancellationToken)
    {
        var plan = await planner.PlanApprovedAsync(budget, cancellationToken);
        if (budget.Revision == 0)
        {
            return plan.Invoices.Select(PlannedDocument.FirstInvoice).ToArray();
        }

        var revision = (await budgets.ListRevisionsAsync(budget.Scheme, budget.Year, cancellationToken)).Single(r => r.Number == budget.Revision);
        var issued = await invoices.ListAsync(budget.Scheme, budget.Year, cancellationToken);
        var known = new Dictionary<Parties.PartyCode, Parties.Party>(await parties.GetAllAsync(cancellationToken));
        foreach (var share in plan.AllShares)
        {
            known[share.Debtor.Code] = share.Debtor;
        }

        return ChangePlanner.Plan(plan, issued, revision, known)
            .Select(c => c.Document)
            .OfType<PlannedDocument>()
            .ToArray();
    }

    [LoggerMessage(EventId = 1000, EventName = "AnnualInvoicingRunCompleted", Level = LogLevel.Information,
        Message = "Annual invoicing run: {BudgetsSeen} budgets, {Created} invoices created, {Existing} already existing, {Failed} failed, {BudgetsRejected} budgets rejected")]
    private partial void LogSummary(int budgetsSeen, int created, int existing, int failed, int budgetsRejected);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Budget {Budget}: {Planned} invoices planned, {Created} created, {Existing} already existing, {Failed} failed")]
    private partial void LogBudgetDone(string budget, int planned, int created, int existing, int failed);

    [LoggerMessage(EventId = 1002, EventName = "AnnualInvoicingBudgetRejected", Level = LogLevel.Error, Message = "Budget {Budget} was not invoiced")]
    private partial void LogBudgetRejected(Exception exception, string budget);

    [LoggerMessage(EventId = 1003, EventName = "AnnualInvoicingInvoiceFailed", Level = LogLevel.Error,
        Message = "Invoice to {DebtorCode} for budget {Budget} failed; the next run resumes it")]
    private partial void LogInvoiceFailed(Exception exception, string debtorCode, string budget);
}
