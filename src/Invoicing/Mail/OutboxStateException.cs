namespace Invoicing.Mail;

/// <summary>An outbox message was asked to make a move its state does not allow.</summary>
public sealed class OutboxStateException(string message) : InvalidOperationException(message);
