using Invoicing.Invoices;
using Invoicing.Issuing;
using Microsoft.Azure.Functions.Worker;

namespace Invoicing.Functions;

/// <summary>
/// The annual invoicing timer (schedule: app setting <c>AnnualInvoicingSchedule</c>). The run is idempotent,
/// so a daily schedule is safe: it issues what an approved budget still lacks and nothing else.
/// </summary>
public sealed class IssueAnnualInvoices(AnnualInvoicingRun run)
{
    [Function(nameof(IssueAnnualInvoices))]
    public async Task RunAsync([TimerTrigger("%AnnualInvoicingSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var summary = await run.RunAsync(year: null, cancellationToken);

        // A failed invocation is what the alert watches; the next timer run resumes the rest.
        summary.EnsureSucceeded();
    }
}
