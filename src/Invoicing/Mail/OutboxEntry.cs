using Invoicing.Invoices;

namespace Invoicing.Mail;

/// <summary>
/// An outbox message as stored, with its delivery state. The transition methods are the only way the state
/// changes, and each throws <see cref="OutboxStateException"/> on a move its state does not allow.
/// </summary>
/// <param name="LastError">The last failure, or why the message was not sent.</param>
/// <param name="ClaimedAt">When a delivery run last claimed it (moved it to <see cref="OutboxState.Sending"/>).</param>
/// <param name="NextAttemptAt">While <see cref="OutboxState.Pending"/>: the earliest time a delivery run sends it.</param>
public sealed record OutboxEntry(
    string Id,
    string Kind,
    string? To,
    string Subject,
    string TextBody,
    IReadOnlyList<OutboxAttachment> Attachments,
    InvoiceKey? CancelIfPaid,
    OutboxState State,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? NextAttemptAt)
{
    public const int MaxErrorLength = 2000;

    internal static OutboxEntry Create(OutboxMessage message, DateTimeOffset now) =>
        new(message.Id, message.Kind, message.To, message.Subject, message.TextBody, message.Attachments, message.CancelIfPaid,
            message.To is null ? OutboxState.NeedsManualDelivery : OutboxState.Pending,
            Attempts: 0,
            LastError: message.To is null ? "No recipient address." : null,
            CreatedAt: now, ClaimedAt: null, SentAt: null,
            NextAttemptAt: message.To is null ? null : now);

    /// <summary>True when a delivery run at <paramref name="now"/> should send it.</summary>
    public bool IsDue(DateTimeOffset now) => State == OutboxState.Pending && (NextAttemptAt is null || NextAttemptAt <= now);

    /// <summary>True when it was claimed longer than <paramref name="maxAge"/> ago and is still not done: its run has died.</summary>
    public bool IsAbandoned(DateTimeOffset now, TimeSpan maxAge) => State == OutboxState.Sending && (ClaimedAt is null || now - ClaimedAt > maxAge);

    internal OutboxEntry Claim(DateTimeOffset now) =>
        From(OutboxState.Pending, "claim") with { State = OutboxState.Sending, ClaimedAt = now, NextAttemptAt = null };

    internal OutboxEntry MarkSent(DateTimeOffset now) =>
        From(OutboxState.Sending, "mark as sent") with { State = OutboxState.Sent, Attempts = Attempts + 1, SentAt = now };

    internal OutboxEntry Cancel(string reason) =>
        From(OutboxState.Sending, "cancel") with { State = OutboxState.Cancelled, LastError = Truncate(reason) };

    /// <summary>After a temporary failure: Pending again after <paramref name="delay"/>, or Failed once <paramref name="maxAttempts"/> are used.</summary>
    internal OutboxEntry Reschedule(string error, DateTimeOffset now, TimeSpan delay, int maxAttempts)
    {
        var next = From(OutboxState.Sending, "reschedule") with { Attempts = Attempts + 1, LastError = Truncate(error) };
        return next.Attempts >= maxAttempts
            ? next with { State = OutboxState.Failed }
            : next with { State = OutboxState.Pending, NextAttemptAt = now + delay };
    }

    internal OutboxEntry Fail(string error) =>
        From(OutboxState.Sending, "fail") with { State = OutboxState.Failed, Attempts = Attempts + 1, LastError = Truncate(error) };

    internal OutboxEntry MarkUncertain(string reason) =>
        From(OutboxState.Sending, "mark as uncertain") with { State = OutboxState.Uncertain, LastError = Truncate(reason) };

    /// <summary>A person decided to send it again: back to Pending, due now, with its attempts reset.</summary>
    internal OutboxEntry Retry(DateTimeOffset now)
    {
        if (State is not (OutboxState.Failed or OutboxState.Uncertain))
        {
            throw new OutboxStateException($"Outbox message {Id} is {State}; only a Failed or Uncertain message can be retried.");
        }

        return this with { State = OutboxState.Pending, Attempts = 0, NextAttemptAt = now, ClaimedAt = null };
    }

    private OutboxEntry From(OutboxState expected, string move) =>
        State == expected ? this : throw new OutboxStateException($"Outbox message {Id} is {State}; cannot {move} it (needs {expected}).");

    private static string Truncate(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
}
