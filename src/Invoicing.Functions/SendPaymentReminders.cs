using Invoicing.Digests;
using Invoicing.Mail;
using Invoicing.Reminders;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Invoicing.Functions;

/// <summary>
/// The daily timer (schedule: app setting <c>PaymentRemindersSchedule</c>, after the annual run's). Exactly one reminder
/// per invoice and level however often it fires; then the day's digest to finance, built after the reminders so it
/// tells them and the outbox's failures as they now stand, queued once a day (<see cref="FinanceDigestRun"/>); then
/// the outbox is delivered again, so the digest goes now and not at tomorrow's run.
/// </summary>
public sealed class SendPaymentReminders(ReminderRun run, FinanceDigestRun digest, Outbox outbox, IOptions<SmtpOptions> smtp)
{
    [Function(nameof(SendPaymentReminders))]
    public async Task RunAsync([TimerTrigger("%PaymentRemindersSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var summary = await run.RunAsync(asOf: null, dryRun: false, cancellationToken);

        // The digest goes whether or not a reminder failed: a failed e-mail is one of the things it tells.
        var told = await digest.RunAsync(day: null, dryRun: false, cancellationToken);
        if (told.Outcome == FinanceDigestOutcome.Queued && !string.IsNullOrWhiteSpace(smtp.Value.Host))
        {
            await outbox.DeliverPendingAsync(cancellationToken);
        }

        summary.EnsureSucceeded();
    }
}
