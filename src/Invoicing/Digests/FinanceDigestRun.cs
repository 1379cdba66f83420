using Invoicing.Invoices;
using Invoicing.Mail;
using Invoicing.Payments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Digests;

/// <summary>
/// What the daily timer calls after the reminders (and <c>./invoicing digest</c>): builds the day's
/// <see cref="FinanceDigest"/> and queues it in the outbox under the day's id (<see cref="FinanceDigestText.MessageId"/>),
/// so however often it runs in a day it queues one e-mail, and the queued message is the record of the day the next
/// digest starts after (<see cref="DigestWindow"/>): no table of its own. An empty digest queues nothing; it is logged.
/// What it reads: the outbox's digests (one range query) and its Failed and Uncertain messages, the unmatched list's
/// entries of the window, every chain of every scheme and year (one query per year, for what fell due and what is owed
/// back), and the reminder rows of invoices reminded since the previous digest's day.
/// </summary>
public sealed partial class FinanceDigestRun(
    InvoiceStore invoices,
    ReminderHistory reminders,
    SuspenseList unmatched,
    Outbox outbox,
    IOptions<FinanceDigestOptions> options,
    TimeProvider time,
    ILogger<FinanceDigestRun> logger)
{
    public async Task<FinanceDigestResult> RunAsync(DateOnly? day, bool dryRun, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Problems() is [var problem, ..])
        {
            throw new InvalidOperationException(problem);
        }

        var now = time.GetUtcNow();
        var today = SwedishCalendar.Today(time);
        var digestDay = day ?? today;
        if (digestDay > today)
        {
            throw new DateInFutureException(
                $"the digest of {IsoDate.Format(digestDay)} cannot be built before that day (today is {IsoDate.Format(today)}); nothing was queued.",
                $"Sammanställningen för {IsoDate.Format(digestDay)} kan inte göras före den dagen (i dag är det {IsoDate.Format(today)}); inget köades.");
        }

        // A past day's digest queued now would start the next one after now, and what happened between that day and
        // now would be told by none: a past day can only be looked at. Today's digest covers any day skipped.
        if (digestDay < today && !dryRun)
        {
            throw new ArgumentException($"the digest of {IsoDate.Format(digestDay)}, before today ({IsoDate.Format(today)}), can only be a dry run; today's covers every day since the last one queued. Nothing was queued.");
        }

        var digests = await outbox.ListByIdPrefixAsync(FinanceDigestText.IdPrefix, cancellationToken);
        if (digests.FirstOrDefault(m => m.Id == FinanceDigestText.MessageId(digestDay)) is { } queued)
        {
            LogAlreadyQueued(digestDay, queued.Id);
            return new FinanceDigestResult(digestDay, null, FinanceDigestOutcome.AlreadyQueued, queued);
        }

        // The ids sort by day (yyyy-MM-dd), and so does the list.
        var previous = digests.LastOrDefault(m => FinanceDigestText.DayOf(m.Id) < digestDay);
        var until = digestDay == today ? now : SwedishCalendar.StartOf(digestDay.AddDays(1));
        var window = previous is not null
            ? DigestWindow.Following(digestDay, FinanceDigestText.DayOf(previous.Id)!.Value, previous.CreatedAt, until)
            : DigestWindow.First(digestDay, until);

        var digest = await BuildAsync(window, cancellationToken);
        if (digest.IsEmpty)
        {
            LogNothingToReport(digestDay);
            return new FinanceDigestResult(digestDay, digest, FinanceDigestOutcome.NothingToReport, null);
        }

        if (dryRun)
        {
            return new FinanceDigestResult(digestDay, digest, FinanceDigestOutcome.DryRun, null);
        }

        if (!settings.Enabled)
        {
            LogNoRecipient(digestDay);
            return new FinanceDigestResult(digestDay, digest, FinanceDigestOutcome.NoRecipient, null);
        }

        var message = new OutboxMessage(
            FinanceDigestText.MessageId(digestDay), FinanceDigestText.Kind, settings.To, FinanceDigestText.Subject(digest), FinanceDigestText.Body(digest), []);

        // Two runs racing on the same day: the outbox's id lets one in; the other reports the one queued.
        // Recorded as created at the moment the digest reports up to: the next one starts exactly there.
        var added = await outbox.EnqueueAsync(message, window.Until, cancellationToken);
        var entry = await outbox.FindAsync(message.Id, cancellationToken);
        LogQueued(digestDay, message.Id, added, digest.Unmatched.Count, digest.FellDue.Count, digest.Reminders.Count, digest.MailProblems.Count, digest.Refunds.Count);
        return new FinanceDigestResult(digestDay, digest, added ? FinanceDigestOutcome.Queued : FinanceDigestOutcome.AlreadyQueued, entry);
    }

    private async Task<FinanceDigest> BuildAsync(DigestWindow window, CancellationToken cancellationToken)
    {
        var chains = new List<DocumentChain>();
        foreach (var (scheme, year) in await invoices.ListYearsAsync(cancellationToken))
        {
            chains.AddRange(DocumentChain.Of(await invoices.ListAsync(scheme, year, cancellationToken)));
        }

        // An invoice reminded in the window carries the day of its last reminder, on or after the previous digest's
        // day; its reminder rows say exactly when each was recorded.
        var reminded = new List<(Invoice, ReminderRecord)>();
        var since = window.PreviousDay ?? window.Day;
        foreach (var invoice in chains.SelectMany(c => c.Invoices).Where(i => i.LastReminderDate >= since))
        {
            foreach (var record in await reminders.ListAsync(invoice.Key, cancellationToken))
            {
                reminded.Add((invoice, record));
            }
        }

        var mail = (await outbox.ListAsync(OutboxState.Failed, cancellationToken)).Concat(await outbox.ListAsync(OutboxState.Uncertain, cancellationToken));
        var listed = await unmatched.ListReceivedAsync(window.After, window.Until, cancellationToken);
        return FinanceDigest.Build(window, chains, listed, reminded, mail);
    }

    [LoggerMessage(EventId = 7000, EventName = "FinanceDigestQueued", Level = LogLevel.Information,
        Message = "Finance digest of {Day} queued as {MessageId} (new {Added}): {Unmatched} unmatched, {FellDue} fell due, {Reminders} reminders, {MailProblems} e-mails to check, {Refunds} refunds owed")]
    private partial void LogQueued(DateOnly day, string messageId, bool added, int unmatched, int fellDue, int reminders, int mailProblems, int refunds);

    [LoggerMessage(EventId = 7001, EventName = "FinanceDigestNothingToReport", Level = LogLevel.Information,
        Message = "Finance digest of {Day}: nothing to report; nothing queued")]
    private partial void LogNothingToReport(DateOnly day);

    [LoggerMessage(EventId = 7002, EventName = "FinanceDigestAlreadyQueued", Level = LogLevel.Information,
        Message = "Finance digest of {Day} was queued earlier as {MessageId}; nothing more queued")]
    private partial void LogAlreadyQueued(DateOnly day, string messageId);

    [LoggerMessage(EventId = 7003, EventName = "FinanceDigestNoRecipient", Level = LogLevel.Warning,
        Message = "Finance digest of {Day} has items but no address is set (Invoicing:FinanceDigest:To); nothing queued")]
    private partial void LogNoRecipient(DateOnly day);
}

/// <summary>What became of a day's digest.</summary>
public enum FinanceDigestOutcome
{
    /// <summary>Queued in the outbox now.</summary>
    Queued,

    /// <summary>The day's digest was queued by an earlier run; nothing more.</summary>
    AlreadyQueued,

    /// <summary>Nothing happened and nothing waits: nothing queued.</summary>
    NothingToReport,

    /// <summary>Built and shown, not queued (<c>--dry-run</c>).</summary>
    DryRun,

    /// <summary>Built, not queued: no address is set for finance.</summary>
    NoRecipient,
}

/// <summary>A day's digest as built (null when an earlier run had queued it) and, when queued, its outbox message.</summary>
public sealed record FinanceDigestResult(DateOnly Day, FinanceDigest? Digest, FinanceDigestOutcome Outcome, OutboxEntry? Message);
