using System.Threading.Channels;
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
using Polly;

namespace Invoicing.Reminders;

/// <summary>
/// What the daily timer calls: every unpaid invoice due for its next reminder gets exactly one reminder of that
/// level, however often or concurrently this runs, and whenever a process dies. Per invoice:
/// <list type="number">
/// <item>record the reminder: one transaction inserts the record <c>{number}-R-{level}</c>, with the statement it
/// prints (<see cref="ReminderStatement"/>: what the invoice's chain still lacks on it, line by line), and raises the
/// invoice's level (ETag), so a level is recorded once (up to 33 invoices of a partition share a transaction;
/// when one of them changed meanwhile, they are recorded one by one);</item>
/// <item>render its PDF to <c>reminders/{scheme}/{year}/{number}-{level}.pdf</c> unless it is there;</item>
/// <item>put its e-mail in the outbox under a fixed id (idempotent), cancelled if the invoice is paid before it is sent;</item>
/// </list>
/// steps 2–3 a few reminders at a time (<see cref="BatchingOptions.ParallelWrites"/>), after every step 1; then
/// deliver the outbox. A run completes steps 2–3 for reminders an earlier run recorded but did not finish.
/// </summary>
public sealed partial class ReminderRun(
    InvoicingStorage storage,
    InvoiceStore invoices,
    PaymentHistory payments,
    ReminderHistory reminders,
    PartyStore parties,
    BudgetStore budgets,
    InvoicePdfRenderer renderer,
    InvoiceArchive archive,
    Outbox outbox,
    Audit.AuditTrail audit,
    IOptions<ReminderOptions> reminderOptions,
    IssuerDirectory issuers,
    IOptions<SmtpOptions> smtpOptions,
    IOptions<BatchingOptions> batchingOptions,
    TimeProvider time,
    ILogger<ReminderRun> logger)
{
    private static readonly ResiliencePipeline ConflictRetry = OptimisticConcurrency.Retry(409, 412);

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
                $"reminders as of {IsoDate.Format(day)}, after today ({IsoDate.Format(today)}), can only be a dry run; nothing was recorded or sent.",
                $"Påminnelser per {IsoDate.Format(day)}, efter i dag ({IsoDate.Format(today)}), kan bara provköras; inget registrerades eller skickades.");
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = Guid.NewGuid().ToString("N"), ["AsOf"] = IsoDate.Format(day) });
        await storage.EnsureCreatedAsync(cancellationToken);
        var partyTable = await parties.GetAllAsync(cancellationToken);

        // What is due on an invoice is what its chain still lacks on it: the query per scheme and year that reads
        // the year's open invoices reads its chains too.
        var years = await invoices.ListDueYearsAsync(rememberPaidYears: !dryRun, cancellationToken);
        var due = years.SelectMany(y => y.Due).ToList();
        var chains = Chains(years);
        var actions = new List<ReminderAction>();
        if (dryRun)
        {
            foreach (var invoice in due.Select(v => v.Invoice))
            {
                partyTable.TryGetValue(invoice.DebtorCode, out var party);
                var balance = chains[invoice.Key].InvoiceBalanceOf(invoice.Number);
                if (ReminderStep.For(balance, day, options) is { } step and not ReminderStep.Nothing)
                {
                    actions.Add(ReminderAction.Planned(balance, step, party));
                }
            }
        }
        else
        {
            var steps = due.Select(v => ReminderStep.For(chains[v.Invoice.Key].InvoiceBalanceOf(v.Invoice.Number), day, options)).ToArray();
            // Each reminder's PDF and e-mail, a few at a time: every one is a render and two writes. They start as
            // soon as the transaction that records their reminder has committed, while the next ones are recorded
            // (recording all first, one transaction after another, kept the writes waiting on it).
            var batching = batchingOptions.Value;
            batching.Validate();
            var schemeNames = await SchemeNamesAsync(due.Select(v => v.Invoice), cancellationToken);
            var reminders = new ReminderRecord?[due.Count];
            var toComplete = Channel.CreateUnbounded<(int Index, Invoice Current, ReminderRecord? Record)>(new UnboundedChannelOptions { SingleWriter = true });
            var completing = Parallel.ForEachAsync(
                toComplete.Reader.ReadAllAsync(cancellationToken),
                new ParallelOptions { MaxDegreeOfParallelism = batching.ParallelWrites, CancellationToken = cancellationToken },
                async (item, ct) =>
                {
                    var (i, current, record) = item;
                    partyTable.TryGetValue(current.DebtorCode, out var party);
                    reminders[i] = await CompleteAsync(current, party, issuers.For(current.Scheme), record, schemeNames[(current.Scheme, current.Year)], ct);
                });
            (Invoice Current, bool Recorded, ReminderRecord? Record)[] recorded;
            try
            {
                recorded = await RecordAllAsync(due, chains, steps, day, (i, current, record) => Complete(toComplete.Writer, i, current, record), cancellationToken);

                // The rest: reminders recorded one by one, and those an earlier run recorded but may not have finished.
                for (var i = 0; i < due.Count; i++)
                {
                    if (!recorded[i].Recorded || recorded[i].Record is null)
                    {
                        Complete(toComplete.Writer, i, recorded[i].Current, recorded[i].Record);
                    }
                }

                toComplete.Writer.Complete();
            }
            catch (Exception e)
            {
                // A failed recording leaves the completions started so far to finish (or fail) before the run ends with
                // the recording's failure, the one to report.
                toComplete.Writer.Complete(e);
                await completing.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw;
            }

            await completing;

            for (var i = 0; i < due.Count; i++)
            {
                var (current, wasRecorded, _) = recorded[i];
                partyTable.TryGetValue(current.DebtorCode, out var party);
                if (steps[i] is ReminderStep.ManualFollowUp && wasRecorded)
                {
                    actions.Add(ReminderAction.Planned(chains[current.Key].InvoiceBalanceOf(current.Number), steps[i], party) with { Recorded = true });
                }

                if (reminders[i] is { } reminder && (wasRecorded || reminder.RemindedOn == day))
                {
                    actions.Add(new ReminderAction(current.Key, current.DebtorName, $"reminder {reminder.Level}", reminder.Total, party?.InvoiceEmail, wasRecorded));
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

    /// <summary>The chain of every document of the years read, by its key.</summary>
    private static Dictionary<InvoiceKey, DocumentChain> Chains(IReadOnlyList<DueYear> years)
    {
        var chains = new Dictionary<InvoiceKey, DocumentChain>();
        foreach (var chain in years.SelectMany(y => DocumentChain.Of(y.Documents)))
        {
            foreach (var invoice in chain.Invoices)
            {
                chains[invoice.Key] = chain;
            }
        }

        return chains;
    }

    /// <summary>
    /// Records every invoice's step (once), up to 33 invoices of a partition in one transaction; per invoice, as it
    /// now stands, whether this run recorded its step, and the reminder row it recorded. A transaction that fails
    /// because an invoice changed since it was listed (a payment, a concurrent run) is taken invoice by invoice, and
    /// so is an invoice whose statement did not add up with what was read (a payment booked between the reads).
    /// </summary>
    private async Task<(Invoice Current, bool Recorded, ReminderRecord? Record)[]> RecordAllAsync(
        List<InvoiceVersion> due, Dictionary<InvoiceKey, DocumentChain> chains, ReminderStep[] steps, DateOnly day,
        Action<int, Invoice, ReminderRecord?> committed, CancellationToken cancellationToken)
    {
        var results = due.Select(v => (v.Invoice, false, (ReminderRecord?)null)).ToArray();
        var statements = new IReadOnlyList<DocumentLine>?[due.Count];
        for (var i = 0; i < due.Count; i++)
        {
            if (steps[i] is ReminderStep.Remind)
            {
                statements[i] = await StatementAsync(chains[due[i].Invoice.Key], due[i].Invoice.Key, cancellationToken);
            }
        }

        var changes = Enumerable.Range(0, due.Count).Where(i => steps[i] is not ReminderStep.Nothing).ToArray();
        var oneByOne = changes.Where(i => steps[i] is ReminderStep.Remind && statements[i] is null).ToList();
        var batched = changes.Except(oneByOne);
        foreach (var chunk in batched.GroupBy(i => (due[i].Invoice.Scheme, due[i].Invoice.Year)).SelectMany(g => g.Chunk(InvoicesPerTransaction)))
        {
            var planned = chunk.Select(i => (Index: i, Change: Change(due[i].Invoice, steps[i], day, statements[i] ?? []))).ToArray();
            try
            {
                await invoices.ReplaceAllAsync([.. planned.Select(p => (due[p.Index], p.Change.After, p.Change.Record is { } r ? InvoiceReminderEntity.From(p.Change.After.Key, r) : null))], cancellationToken);
                await audit.RecordAllAsync([.. planned.Select(p => Recorded(p.Change, steps[p.Index], day))], cancellationToken);
                foreach (var (i, change) in planned)
                {
                    results[i] = (change.After, true, change.Record);
                    var text = StepText(steps[i]);
                    LogRecorded(change.After.Number, text);
                    if (change.Record is not null)
                    {
                        committed(i, change.After, change.Record);
                    }
                }
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                oneByOne.AddRange(chunk);
            }
        }

        foreach (var i in oneByOne)
        {
            var (current, recorded) = await RecordAsync(due[i].Invoice, steps[i], day, cancellationToken);
            results[i] = (current, recorded, null);
        }

        return results;
    }

    /// <summary>The reminder's statement of one invoice: its chain and, when anything was received or refunded on it, its payment records.</summary>
    private async Task<IReadOnlyList<DocumentLine>?> StatementAsync(DocumentChain chain, InvoiceKey key, CancellationToken cancellationToken)
    {
        var invoice = chain.InvoiceBalanceOf(key.Number).Invoice;
        var history = invoice.AmountPaid == Money.Zero && invoice.Refunded == Money.Zero ? [] : await payments.ListAsync(key, cancellationToken);
        return ReminderStatement.Lines(chain, key.Number, history);
    }

    /// <summary>
    /// Three operations per invoice (its reminder row, its new level and at most one change of its open item: handed
    /// to a person, it leaves the index) in a transaction of at most 100 (<see cref="InvoiceStore.ReplaceAllAsync"/>).
    /// </summary>
    private const int InvoicesPerTransaction = 33;

    /// <summary>Records the step (once) and returns the invoice as it now stands, and whether this call recorded it.</summary>
    private async Task<(Invoice Invoice, bool Recorded)> RecordAsync(Invoice invoice, ReminderStep step, DateOnly day, CancellationToken cancellationToken)
    {
        // A step is recorded against the invoice as read; a concurrent run or payment (409, 412) makes it read again.
        var reads = 0;
        return await ConflictRetry.ExecuteAsync(
            async ct =>
            {
                var version = await invoices.FindVersionAsync(invoice.Key, ct)
                    ?? throw new InvalidOperationException($"Invoice {invoice.Key} disappeared while it was being reminded.");
                var current = version.Invoice;
                var chain = await invoices.FindChainAsync(invoice.Key, ct)
                    ?? throw new InvalidOperationException($"Invoice {invoice.Key} disappeared while it was being reminded.");
                var now = ReminderStep.For(chain.InvoiceBalanceOf(invoice.Number), day, reminderOptions.Value);
                if (now is ReminderStep.Nothing || now.GetType() != step.GetType() ||
                    (now is ReminderStep.Remind r && step is ReminderStep.Remind s && r.Level != s.Level))
                {
                    // Another run got here first, or a payment arrived: nothing (more) to record.
                    return (current, false);
                }

                var statement = now is ReminderStep.Remind ? await StatementAsync(chain, invoice.Key, ct) : [];
                if (statement is null)
                {
                    // A payment was booked between the reads: read again, like after a lost race. Records that still
                    // disagree with the chain after ten reads are wrong data, not a race.
                    if (++reads < 10)
                    {
                        throw new RequestFailedException(412, $"Invoice {invoice.Key}: a payment was booked between the reads.");
                    }

                    throw new InvalidDataException($"Invoice {invoice.Key}: its payment records do not add up to what its chain says remains; no reminder was recorded.");
                }

                var change = Change(current, now, day, statement);
                await invoices.ReplaceAsync(version, change.After, change.Record is { } row ? InvoiceReminderEntity.From(change.After.Key, row) : null, ct);
                await audit.RecordAsync(Recorded(change, step, day), ct);
                var text = StepText(step);
                LogRecorded(change.After.Number, text);
                return (change.After, true);
            },
            cancellationToken);
    }

    /// <summary>The invoice after the step, and the reminder row that records it with its statement (none for a hand-over to a person).</summary>
    private (Invoice After, ReminderRecord? Record) Change(Invoice current, ReminderStep step, DateOnly day, IReadOnlyList<DocumentLine> statement)
    {
        if (step is not ReminderStep.Remind remind)
        {
            return (current.WithManualFollowUp(), null);
        }

        var record = new ReminderRecord(
            current.Number,
            remind.Level,
            day,
            remind.NewDueDate,
            remind.Remaining,
            remind.Fee,
            remind.Interest,
            ReminderRecord.BlobNameFor(current.Key, remind.Level),
            ReminderRecord.MessageIdFor(current.Key, remind.Level),
            time.GetUtcNow())
        {
            Lines = statement,
        };
        return (current.WithReminder(remind.Level, day), record);
    }

    /// <summary>
    /// The audit event of a recorded step, keyed by the invoice and the reminder's level: the same whether the step
    /// was recorded in a batch or on its own.
    /// </summary>
    private static Audit.AuditEntry Recorded((Invoice After, ReminderRecord? Record) change, ReminderStep step, DateOnly day)
    {
        var key = change.After.Key;
        var text = StepText(step);
        return new Audit.AuditEntry(
            $"reminder:{key.Scheme}:{key.Year}:{key.Number}:{(change.Record?.Level.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "manual")}",
            Audit.AuditActions.ReminderRecorded,
            change.Record is { } reminder
                ? $"{text} of {IsoDate.Format(day)}, to pay by {IsoDate.Format(reminder.NewDueDate)}: {reminder.Total.ToInvariantString()} SEK asked"
                : $"{text} from {IsoDate.Format(day)}: no more reminders, a person takes over")
        {
            Scheme = key.Scheme,
            Year = key.Year,
            Invoice = key.Number,
            Amount = change.Record?.Total,
            SwedishDetails = change.Record is { } asked
                ? $"påminnelse {asked.Level} av {IsoDate.Format(day)}, att betala senast {IsoDate.Format(asked.NewDueDate)}: {asked.Total} begärt"
                : $"manuell uppföljning från {IsoDate.Format(day)}: inga fler påminnelser, en person tar över",
        };
    }

    /// <summary>Hands an invoice at some reminder level to the completion of its current reminder (its PDF and e-mail).</summary>
    private static void Complete(ChannelWriter<(int, Invoice, ReminderRecord?)> writer, int index, Invoice current, ReminderRecord? record)
    {
        if (current.ReminderLevel > 0)
        {
            writer.TryWrite((index, current, record));
        }
    }

    private static string StepText(ReminderStep step) => step is ReminderStep.Remind x ? $"reminder {x.Level}" : "manual follow-up";

    /// <summary>The display name of each budget the reminders belong to (read once per scheme and year, not per reminder).</summary>
    private async Task<Dictionary<(SchemeId, int), string>> SchemeNamesAsync(IEnumerable<Invoice> reminded, CancellationToken cancellationToken)
    {
        var names = new Dictionary<(SchemeId, int), string>();
        foreach (var (scheme, year) in reminded.Select(i => (i.Scheme, i.Year)).Distinct())
        {
            names[(scheme, year)] = (await budgets.FindAsync(scheme, year, cancellationToken))?.SchemeName ?? scheme.Value;
        }

        return names;
    }

    /// <summary>
    /// Makes sure the current level's reminder has its PDF and its e-mail in the outbox. A reminder this run has
    /// just recorded has neither yet (its PDF is written after its row), so nothing is looked up for it.
    /// </summary>
    private async Task<ReminderRecord?> CompleteAsync(
        Invoice invoice, Party? party, Issuer issuer, ReminderRecord? justRecorded, string schemeName, CancellationToken cancellationToken)
    {
        // A reminder this run has just recorded is taken as recorded; an earlier run's is read from the ledger.
        var reminder = justRecorded ?? await reminders.FindAsync(invoice.Key, invoice.ReminderLevel, cancellationToken);
        if (reminder is null)
        {
            return null;
        }

        if (justRecorded is not null || !await archive.ExistsAsync(StorageNames.RemindersContainer, reminder.BlobName, cancellationToken))
        {
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
