namespace Invoicing.Web.Contracts;

/// <summary>
/// What <c>POST …/parties/{party}/statement/send</c> did: the outbox message of the party's statement of
/// <see cref="AsOf"/>, queued by this request (<see cref="QueuedNow"/>) or earlier the same day.
/// </summary>
public sealed record StatementSendResponse(
    string Scheme, int Year, string Party, string PartyName, string AsOf, string MessageId, string To, string FileName, bool QueuedNow);
