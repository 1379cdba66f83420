using Invoicing.Reminders;
using Microsoft.Azure.Functions.Worker;

namespace Invoicing.Functions;

/// <summary>
/// The daily reminder timer (schedule: app setting <c>PaymentRemindersSchedule</c>). Exactly one reminder per
/// invoice and level however often it fires; then the outbox is delivered.
/// </summary>
public sealed class SendPaymentReminders(ReminderRun run)
{
    [Function(nameof(SendPaymentReminders))]
    public async Task RunAsync([TimerTrigger("%PaymentRemindersSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var summary = await run.RunAsync(asOf: null, dryRun: false, cancellationToken);
        summary.EnsureSucceeded();
    }
}
