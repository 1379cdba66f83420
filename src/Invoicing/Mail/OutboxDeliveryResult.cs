namespace Invoicing.Mail;

/// <summary>
/// What one delivery run did. <paramref name="Retrying"/> went back to Pending after a temporary failure;
/// <paramref name="MarkedUncertain"/> counts messages whose sending may or may not have happened.
/// </summary>
public sealed record OutboxDeliveryResult(int Sent, int Cancelled, int Retrying, int Failed, int MarkedUncertain)
{
    internal static OutboxDeliveryResult From(IReadOnlyCollection<OutboxState> outcomes) => new(
        outcomes.Count(s => s == OutboxState.Sent),
        outcomes.Count(s => s == OutboxState.Cancelled),
        outcomes.Count(s => s == OutboxState.Pending),
        outcomes.Count(s => s == OutboxState.Failed),
        outcomes.Count(s => s == OutboxState.Uncertain));
}
