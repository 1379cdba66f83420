using Azure;
using Azure.Data.Tables;
using Invoicing.Budgets;
using Invoicing.Documents;
using Invoicing.Invoices;
using Invoicing.Issuers;
using Invoicing.Mail;
using Invoicing.Parties;
using Invoicing.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Reminders;

/// <summary>
/// What the daily timer calls: every unpaid invoice due for its next reminder gets exactly one reminder of that
/// level, however often or concurrently this runs, and whenever a process dies. Per invoice:
/// <list type="number">
/// <item>record the reminder: one transaction inserts the record <c>{number}-R-{level}</c> and raises the
/// invoice's level (ETag), so a level is recorded once;</item>
/// <item>render its PDF to <c>reminders/{scheme}/{year}/{number}-{level}.pdf</c> unless it is there;</item>
/// <item>put its e-mail in the outbox under a fixed id (idempotent), cancelled if the invoice is paid before it is sent;</item>
/// </list>
/// then deliver the outbox. A run completes steps 2–3 for reminders an earlier run recorded but did not finish.
/// </summary>
public sealed partial class ReminderRun(
    InvoicingStorage storage,
    InvoiceStore invoices,
    PartyStore parties,
    BudgetStore budgets,
    InvoicePdfRenderer renderer,
    InvoiceArchive archive,
    Outbox outbox,
    IOptions<ReminderOptions> reminderOptions,
    IssuerDirectory issuers,
    IOptions<SmtpOptions> smtpOptions,
    TimeProvider time,
    ILogger<ReminderRun> logger)
{
    private TableClient Table => storage.Table(StorageNames.Invoices);

    public async Task<ReminderRunSummary> RunAsync(DateOnly? asOf, bool dryRun, CancellationToken cancellationToken)
    {
        var options = reminderOptions.Value;
        options.Validate();
        issuers.All();
        var today = SwedishCalendar.Today(time);
        var day = asOf ?? today;

        // Real reminders from a day that has not come would use up each level early: only a dry run may look ahead.
        if (day > today && !dryRun)
        {
            throw new DateInFutureException(
                $"reminders as of {IsoDate.Format(day)}, after today ({IsoDate.Format(today)}), can only be a dry run; nothing was recorded or sent.");
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = Guid.NewGuid().ToString("N"), ["AsOf"] = IsoDate.Format(day) });
        await storage.EnsureCreatedAsync(cancellationToken);
        var partyTable = await parties.GetAllAsync(cancellationToken);

        var actions = new List<ReminderAction>();
        await foreach (var invoice in invoices.ListDueAsync(cancellationToken))
        {
            partyTable.TryGetValue(invoice.DebtorCode, out var party);
            var step = ReminderStep.For(invoice, day, options);
            if (dryRun)
            {
                if (step is not ReminderStep.Nothing)
                {
                    actions.Add(ReminderAction.Planned(invoice, step, party));
                }

                continue;
            }

            var (current, recorded) = await RecordAsync(invoice, step, day, cancellationToken);
            if (step is ReminderStep.ManualFollowUp && recorded)
            {
                actions.Add(ReminderAction.Planned(invoice, step, party) with { Recorded = true });
            }

            if (current.ReminderLevel > 0)
            {
                var reminder = await CompleteAsync(current, party, issuers.For(current.Scheme), cancellationToken);
                if (reminder is not null && (recorded || reminder.RemindedOn == day))
                {
                    actions.Add(new ReminderAction(current.Key, current.DebtorName, $"reminder {reminder.Level}", reminder.Total,
                        party?.InvoiceEmail, recorded));
                }
            }
        }

        // Without an SMTP server the reminders are recorded and queued; the outbox sends them once one is set.
        var smtpConfigured = !string.IsNullOrWhiteSpace(smtpOptions.Value.Host);
        var delivery = dryRun || !smtpConfigured ? null : await outbox.DeliverPendingAsync(cancellationToken);
        var summary = new ReminderRunSummary(day, dryRun, actions, delivery)
        {
            DeliverySkipped = dryRun || smtpConfigured ? null : $"No SMTP server is configured ({SmtpOptions.Section}:Host): the messages wait in the outbox.",
        };
        var (newReminders, handedOver, sent, failed) = (summary.RemindersRecorded, summary.ManualFollowUps, delivery?.Sent ?? 0, delivery?.Failed ?? 0);
        LogSummary(day, dryRun, newReminders, handedOver, sent, failed);
        return summary;
    }

    /// <summary>Records the step (once) and returns the invoice as it now stands, and whether this call recorded it.</summary>
    private async Task<(Invoice Invoice, bool Recorded)> RecordAsync(Invoice invoice, ReminderStep step, DateOnly day, CancellationToken cancellationToken)
    {
        var partition = InvoiceEntity.PartitionKeyFor(invoice.Scheme, invoice.Year);
        for (var attempt = 0; ; attempt++)
        {
            var version = await invoices.FindVersionAsync(invoice.Key, cancellationToken)
                ?? throw new InvalidOperationException($"Invoice {invoice.Key} disappeared while it was being reminded.");
            var current = version.Invoice;
            var now = ReminderStep.For(current, day, reminderOptions.Value);
            if (now is ReminderStep.Nothing || now.GetType() != step.GetType() ||
                (now is ReminderStep.Remind r && step is ReminderStep.Remind s && r.Level != s.Level))
            {
                // Another run got here first, or a payment arrived: nothing (more) to record.
                return (current, false);
            }

            InvoiceReminderEntity? record = null;
            if (now is ReminderStep.Remind remind)
            {
                var updated = current.WithReminder(remind.Level, day);
                record = new InvoiceReminderEntity
                {
                    PartitionKey = partition,
                    RowKey = InvoiceReminderEntity.RowKeyFor(current.Number, remind.Level),
                    InvoiceNumber = current.Number.ToString(),
                    Level = remind.Level,
                    RemindedOn = IsoDate.Format(day),
                    NewDueDate = IsoDate.Format(remind.NewDueDate),
                    RemainingOre = remind.Remaining.Ore,
                    FeeOre = remind.Fee.Ore,
                    InterestOre = remind.Interest.Ore,
                    BlobName = ReminderRecord.BlobNameFor(current.Key, remind.Level),
                    OutboxMessageId = ReminderRecord.MessageIdFor(current.Key, remind.Level),
                    RecordedAt = time.GetUtcNow(),
                };
                current = updated;
            }
            else
            {
                current = current.WithManualFollowUp();
            }

            try
            {
                await invoices.ReplaceAsync(version, current, record, cancellationToken);
                LogRecorded(current.Number, step is ReminderStep.Remind x ? $"reminder {x.Level}" : "manual follow-up");
                return (current, true);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 10)
            {
                // A concurrent run changed the invoice; look again.
            }
        }
    }

    /// <summary>Makes sure the current level's reminder has its PDF and its e-mail in the outbox.</summary>
    private async Task<ReminderRecord?> CompleteAsync(Invoice invoice, Party? party, Issuer issuer, CancellationToken cancellationToken)
    {
        var partition = InvoiceEntity.PartitionKeyFor(invoice.Scheme, invoice.Year);
        var found = await Table.GetEntityIfExistsAsync<InvoiceReminderEntity>(
            partition, InvoiceReminderEntity.RowKeyFor(invoice.Number, invoice.ReminderLevel), cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return null;
        }

        var reminder = found.Value!.ToRecord();
        if (!await archive.ExistsAsync(StorageNames.RemindersContainer, reminder.BlobName, cancellationToken))
        {
            var schemeName = (await budgets.FindAsync(invoice.Scheme, invoice.Year, cancellationToken))?.SchemeName ?? invoice.Scheme.Value;
            var pdf = renderer.Render(ReminderLetter.Document(invoice, reminder, party, issuer, schemeName));
            await archive.WriteIfAbsentAsync(StorageNames.RemindersContainer, reminder.BlobName, pdf, cancellationToken);
        }

        await outbox.EnqueueAsync(ReminderLetter.Message(invoice, reminder, party, issuer), cancellationToken);
        return reminder;
    }

    [LoggerMessage(EventId = 4000, EventName = "ReminderRecorded", Level = LogLevel.Information, Message = "Invoice {InvoiceNumber}: {Step} recorded")]
    private partial void LogRecorded(InvoiceNumber invoiceNumber, string step);

    [LoggerMessage(EventId = 4001, EventName = "PaymentRemindersRunCompleted", Level = LogLevel.Information,
        Message = "Reminder run as of {AsOf} (dry run {DryRun}): {RemindersRecorded} reminders recorded, {ManualFollowUps} handed to manual follow-up, {Sent} e-mails sent, {Failed} failed")]
    private partial void LogSummary(DateOnly asOf, bool dryRun, int remindersRecorded, int manualFollowUps, int sent, int failed);
}
