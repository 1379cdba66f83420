namespace Invoicing.Mail;

/// <summary>
/// Where an outbox message stands. Moves: Pending → Sending (claimed) → Sent, Cancelled, Pending again
/// (temporary failure), Failed or Uncertain; Failed and Uncertain go back to Pending only when a person says so.
/// </summary>
public enum OutboxState
{
    /// <summary>Waiting for a delivery run at or after its <see cref="OutboxEntry.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>Claimed by one delivery run, which is sending it now.</summary>
    Sending,

    Sent,

    /// <summary>Not sent because it no longer applied (its invoice was paid).</summary>
    Cancelled,

    /// <summary>Given up: a permanent rejection or too many temporary failures. Logged as <c>OutboxMessageFailed</c>.</summary>
    Failed,

    /// <summary>It has no recipient address: a person delivers it another way.</summary>
    NeedsManualDelivery,

    /// <summary>It may or may not have been sent (a run died or lost the answer while sending): a person checks.</summary>
    Uncertain,
}
