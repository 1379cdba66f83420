using Azure;
using Azure.Data.Tables;
using Invoicing.Invoices;
using Invoicing.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Invoicing.Mail;

/// <summary>
/// E-mails to send, recorded in table <c>Outbox</c> before anything is sent, and sent at most once.
/// A delivery run claims each due message (Pending → Sending, guarded by its ETag, so of two concurrent runs
/// only one sends it), sends it with a few quick tries, and records the outcome. Nothing is lost: a message
/// ends Sent, Cancelled, Failed or Uncertain, each visible in <see cref="ListAsync"/>. A message still
/// Sending after <see cref="AbandonedClaimAge"/> belongs to a run that died at an unknown point; it becomes
/// Uncertain and is not sent again automatically, because a duplicate reminder is worse than a person checking one message.
/// </summary>
public sealed partial class Outbox(
    InvoicingStorage storage,
    InvoiceStore invoices,
    SmtpMailSender sender,
    Audit.AuditTrail audit,
    TimeProvider time,
    ILogger<Outbox> logger,
    IOptions<SmtpOptions> options)
{
    /// <summary>Far longer than one message's tries can take (a few timeouts and backoffs), so only a dead run's claim is this old.</summary>
    public static readonly TimeSpan AbandonedClaimAge = TimeSpan.FromMinutes(10);

    private readonly OutboxMimeBuilder _mime = new(storage, time);

    private TableClient Table => storage.Table(StorageNames.Outbox);

    /// <summary>
    /// Records the message before anything is sent. Idempotent by id: false when it was already there,
    /// whatever its state. A message with no recipient is recorded as <see cref="OutboxState.NeedsManualDelivery"/>.
    /// </summary>
    public Task<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        EnqueueAsync(message, time.GetUtcNow(), cancellationToken);

    /// <summary>
    /// As <see cref="EnqueueAsync(OutboxMessage, CancellationToken)"/>, recorded as created at <paramref name="createdAt"/>
    /// (not after now): for a message that reports up to an instant, whose record is where the next report starts
    /// (the daily digest), so nothing between the instant it reported up to and the moment it was written is lost.
    /// </summary>
    public async Task<bool> EnqueueAsync(OutboxMessage message, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        if (createdAt > time.GetUtcNow())
        {
            throw new ArgumentOutOfRangeException(nameof(createdAt), createdAt, "An outbox message cannot be created in the future.");
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        var entry = OutboxEntry.Create(message, createdAt);
        try
        {
            await Table.AddEntityAsync(OutboxEntity.From(entry), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }

        if (entry.State == OutboxState.NeedsManualDelivery)
        {
            LogNeedsManualDelivery(entry.Id, entry.Kind);
        }
        else
        {
            LogQueued(entry.Id, entry.Kind);
        }

        return true;
    }

    /// <summary>
    /// Sends every Pending message that is due, checking its invoice first when it has one to watch; marks
    /// abandoned claims Uncertain. Throws before claiming anything when the SMTP options are not usable.
    /// </summary>
    public async Task<OutboxDeliveryResult> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        settings.ValidateForSending();
        await storage.EnsureCreatedAsync(cancellationToken);

        var outcomes = new List<OutboxState>();
        foreach (var stored in await QueryAsync(TableClient.CreateQueryFilter(
            $"PartitionKey eq {OutboxEntity.Partition} and (State eq {nameof(OutboxState.Pending)} or State eq {nameof(OutboxState.Sending)})"), cancellationToken))
        {
            var entry = stored.ToEntry();
            var now = time.GetUtcNow();
            OutboxState? outcome = null;
            if (entry.IsAbandoned(now, AbandonedClaimAge))
            {
                outcome = await MarkAbandonedAsync(stored, entry, cancellationToken);
            }
            else if (entry.IsDue(now))
            {
                outcome = await DeliverAsync(stored, entry, settings, cancellationToken);
            }

            if (outcome is { } state)
            {
                outcomes.Add(state);
            }
        }

        var result = OutboxDeliveryResult.From(outcomes);
        LogDeliveryCompleted(result.Sent, result.Cancelled, result.Retrying, result.Failed, result.MarkedUncertain);
        return result;
    }

    /// <summary>The messages in <paramref name="state"/> (all when null), oldest first.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxState? state, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        var filter = state is { } s
            ? TableClient.CreateQueryFilter($"PartitionKey eq {OutboxEntity.Partition} and State eq {s.ToString()}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {OutboxEntity.Partition}");
        var stored = await QueryAsync(filter, cancellationToken);
        return stored.Select(e => e.ToEntry()).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The message with this id as it stands; null when there is none.</summary>
    public async Task<OutboxEntry?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!OutboxMessage.IsValidId(id))
        {
            throw new ArgumentException($"'{id}' is not an outbox message id.", nameof(id));
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        var found = await Table.GetEntityIfExistsAsync<OutboxEntity>(OutboxEntity.Partition, id, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.ToEntry() : null;
    }

    /// <summary>
    /// The messages whose id starts with <paramref name="idPrefix"/>, in id order: one range query over the row keys,
    /// for a caller whose ids sort by what they are about (the daily digest's, by day).
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListByIdPrefixAsync(string idPrefix, CancellationToken cancellationToken)
    {
        if (!OutboxMessage.IsValidId(idPrefix))
        {
            throw new ArgumentException($"'{idPrefix}' is not the start of an outbox message id.", nameof(idPrefix));
        }

        await storage.EnsureCreatedAsync(cancellationToken);

        // Every id character sorts below '~' (ids are letters, digits, '-', '_' and '.'), so [prefix, prefix + "~") holds exactly the ids that start with it.
        var stored = await QueryAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {OutboxEntity.Partition} and RowKey ge {idPrefix} and RowKey lt {idPrefix + "~"}"), cancellationToken);
        return stored.Select(e => e.ToEntry()).OrderBy(e => e.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// A person decided a Failed or Uncertain message should go (again): it returns to Pending, due now, with
    /// its attempts reset. Throws <see cref="OutboxStateException"/> in any other state.
    /// </summary>
    public async Task RetryAsync(string id, CancellationToken cancellationToken)
    {
        if (!OutboxMessage.IsValidId(id))
        {
            throw new ArgumentException($"'{id}' is not an outbox message id.", nameof(id));
        }

        await storage.EnsureCreatedAsync(cancellationToken);
        var found = await Table.GetEntityIfExistsAsync<OutboxEntity>(OutboxEntity.Partition, id, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            throw new KeyNotFoundException($"There is no outbox message {id}.");
        }

        var stored = found.Value!;
        var entry = stored.ToEntry();
        var next = entry.Retry(time.GetUtcNow());

        // Guarded: if a delivery run changed the row since it was read, the person decided on stale facts.
        await Table.UpdateEntityAsync(OutboxEntity.From(next), stored.ETag, TableUpdateMode.Replace, cancellationToken);
        await audit.RecordAsync(
            new Audit.AuditEntry($"mail-retry:{id}:{stored.ETag}", Audit.AuditActions.MailRetried, $"{entry.Kind} message {id}, {entry.State} after {entry.Attempts} attempts, sent again"),
            cancellationToken);
        LogRetryRequested(id, entry.Kind, entry.State);
    }

    private async Task<OutboxState?> DeliverAsync(OutboxEntity stored, OutboxEntry entry, SmtpOptions settings, CancellationToken cancellationToken)
    {
        var claimed = entry.Claim(time.GetUtcNow());
        if (await TryReplaceAsync(claimed, stored.ETag, cancellationToken) is not { } claim)
        {
            LogClaimLost(entry.Id);
            return null;
        }

        var (next, error) = await SendClaimedAsync(claimed, settings, cancellationToken);
        if (next.State == OutboxState.Sent)
        {
            // Unconditional: the message has gone, and that fact outranks whatever else the row says by now.
            await Table.UpdateEntityAsync(OutboxEntity.From(next), ETag.All, TableUpdateMode.Replace, cancellationToken);
        }
        else if (await TryReplaceAsync(next, claim, cancellationToken) is null)
        {
            LogClaimLost(entry.Id);
            return null;
        }

        Log(next, error);
        return next.State;
    }

    private async Task<(OutboxEntry Next, Exception? Error)> SendClaimedAsync(OutboxEntry claimed, SmtpOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            // Nothing due any more, whether payments or credit notes made it so: the reminder would be wrong.
            if (claimed.CancelIfPaid is { } key
                && await invoices.FindChainAsync(key, cancellationToken) is { } chain
                && chain.BalanceOf(key.Number) is { Due.Ore: <= 0 } paid)
            {
                return (claimed.Cancel($"Invoice {key} is {paid.Status}."), null);
            }

            await SendPipeline(claimed, settings).ExecuteAsync(
                async token =>
                {
                    using var message = await _mime.BuildAsync(claimed, settings, token);
                    await sender.SendAsync(message, token);
                },
                cancellationToken);
            return (claimed.MarkSent(time.GetUtcNow()), null);
        }
        catch (SmtpSendException e)
        {
            return e.Kind switch
            {
                SmtpFailureKind.Transient => (claimed.Reschedule(e.Message, time.GetUtcNow(), settings.RetryDelay, settings.MaxAttempts), e),
                SmtpFailureKind.Permanent => (claimed.Fail(e.Message), e),
                _ => (claimed.MarkUncertain(e.Message), e),
            };
        }
        catch (FileNotFoundException e)
        {
            return (claimed.Fail(e.Message), e);
        }
        catch (RequestFailedException e)
        {
            // Storage (the invoice or an attachment) is unavailable even after the SDK's own retries: not sent, try later.
            return (claimed.Reschedule($"Storage {e.Status} {e.ErrorCode}", time.GetUtcNow(), settings.RetryDelay, settings.MaxAttempts), e);
        }
    }

    /// <summary>Quick tries within one run for what a moment can mend (a busy server, a dropped connection).</summary>
    private ResiliencePipeline SendPipeline(OutboxEntry entry, SmtpOptions settings) => settings.SendTries == 1
        ? ResiliencePipeline.Empty
        : new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<SmtpSendException>(e => e.Kind == SmtpFailureKind.Transient),
                MaxRetryAttempts = settings.SendTries - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.SendRetryBackoff,
                OnRetry = args =>
                {
                    LogTryFailed(args.Outcome.Exception, entry.Id, args.AttemptNumber + 1, settings.SendTries);
                    return default;
                },
            })
            .Build();

    private async Task<OutboxState?> MarkAbandonedAsync(OutboxEntity stored, OutboxEntry entry, CancellationToken cancellationToken)
    {
        var uncertain = entry.MarkUncertain($"Claimed at {entry.ClaimedAt:O} by a delivery run that never finished; it may have been sent.");
        if (await TryReplaceAsync(uncertain, stored.ETag, cancellationToken) is null)
        {
            return null;
        }

        LogUncertain(null, entry.Id, entry.Kind, uncertain.LastError);
        return OutboxState.Uncertain;
    }

    /// <summary>Replaces the row if it is still as read; null when someone else changed (or removed) it first.</summary>
    private async Task<ETag?> TryReplaceAsync(OutboxEntry entry, ETag ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(OutboxEntity.From(entry), ifMatch, TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }
    }

    private async Task<List<OutboxEntity>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var entities = new List<OutboxEntity>();
        await foreach (var entity in Table.QueryAsync<OutboxEntity>(filter, cancellationToken: cancellationToken))
        {
            entities.Add(entity);
        }

        return entities;
    }

    private void Log(OutboxEntry entry, Exception? error)
    {
        switch (entry.State)
        {
            case OutboxState.Sent:
                LogSent(entry.Id, entry.Kind, entry.Attempts);
                break;
            case OutboxState.Cancelled:
                LogCancelled(entry.Id, entry.Kind, entry.LastError);
                break;
            case OutboxState.Pending:
                LogRetrying(error, entry.Id, entry.Kind, entry.Attempts, options.Value.MaxAttempts, entry.NextAttemptAt);
                break;
            case OutboxState.Failed:
                LogFailed(error, entry.Id, entry.Kind, entry.Attempts, entry.LastError);
                break;
            case OutboxState.Uncertain:
                LogUncertain(error, entry.Id, entry.Kind, entry.LastError);
                break;
            default:
                throw new OutboxStateException($"Outbox message {entry.Id}: a delivery cannot end {entry.State}.");
        }
    }

    [LoggerMessage(EventId = 3000, EventName = "OutboxMessageQueued", Level = LogLevel.Information, Message = "Outbox message {MessageId} ({Kind}) queued")]
    private partial void LogQueued(string messageId, string kind);

    [LoggerMessage(EventId = 3001, EventName = "OutboxMessageNeedsManualDelivery", Level = LogLevel.Information,
        Message = "Outbox message {MessageId} ({Kind}) has no recipient address; it needs manual delivery")]
    private partial void LogNeedsManualDelivery(string messageId, string kind);

    [LoggerMessage(EventId = 3002, EventName = "OutboxMessageSent", Level = LogLevel.Information,
        Message = "Outbox message {MessageId} ({Kind}) sent on attempt {Attempts}")]
    private partial void LogSent(string messageId, string kind, int attempts);

    [LoggerMessage(EventId = 3003, EventName = "OutboxMessageCancelled", Level = LogLevel.Information,
        Message = "Outbox message {MessageId} ({Kind}) cancelled: {Reason}")]
    private partial void LogCancelled(string messageId, string kind, string? reason);

    [LoggerMessage(EventId = 3004, EventName = "OutboxMessageRetrying", Level = LogLevel.Warning,
        Message = "Outbox message {MessageId} ({Kind}) not sent on attempt {Attempts} of {MaxAttempts}; next attempt at {NextAttemptAt}")]
    private partial void LogRetrying(Exception? exception, string messageId, string kind, int attempts, int maxAttempts, DateTimeOffset? nextAttemptAt);

    // The alert on failed outbox messages counts this event by its name (docs/operations.md); the message starts with it too.
    [LoggerMessage(EventId = 3005, EventName = "OutboxMessageFailed", Level = LogLevel.Error,
        Message = "OutboxMessageFailed: outbox message {MessageId} ({Kind}) failed after {Attempts} attempts and will not be sent: {Error}")]
    private partial void LogFailed(Exception? exception, string messageId, string kind, int attempts, string? error);

    [LoggerMessage(EventId = 3006, EventName = "OutboxMessageUncertain", Level = LogLevel.Error,
        Message = "OutboxMessageUncertain: outbox message {MessageId} ({Kind}) may or may not have been sent; a person checks before retrying it: {Reason}")]
    private partial void LogUncertain(Exception? exception, string messageId, string kind, string? reason);

    [LoggerMessage(EventId = 3007, EventName = "OutboxClaimLost", Level = LogLevel.Debug, Message = "Outbox message {MessageId} was taken by another delivery run")]
    private partial void LogClaimLost(string messageId);

    [LoggerMessage(EventId = 3008, EventName = "OutboxMessageRetryRequested", Level = LogLevel.Information,
        Message = "Outbox message {MessageId} ({Kind}) put back from {PreviousState} to Pending by request")]
    private partial void LogRetryRequested(string messageId, string kind, OutboxState previousState);

    [LoggerMessage(EventId = 3009, EventName = "OutboxSendTryFailed", Level = LogLevel.Information,
        Message = "Outbox message {MessageId}: try {Try} of {Tries} failed; trying again")]
    private partial void LogTryFailed(Exception? exception, string messageId, int @try, int tries);

    [LoggerMessage(EventId = 3010, EventName = "OutboxDeliveryCompleted", Level = LogLevel.Information,
        Message = "Outbox delivery: {Sent} sent, {Cancelled} cancelled, {Retrying} to retry, {Failed} failed, {MarkedUncertain} uncertain")]
    private partial void LogDeliveryCompleted(int sent, int cancelled, int retrying, int failed, int markedUncertain);
}
