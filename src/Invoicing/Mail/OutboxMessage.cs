using System.Text.RegularExpressions;
using Invoicing.Invoices;

namespace Invoicing.Mail;

/// <summary>
/// An e-mail to send once. <see cref="Id"/> is chosen by the caller from what the message is about (e.g.
/// <c>reminder-region-mitt-pom-2026-202600014-1</c>), so repeating the work that produced it cannot queue it
/// twice; it becomes the table row key and the <c>Message-ID</c>, so only letters, digits, '-', '_' and '.'.
/// A message without a recipient address (<see cref="To"/> empty) is kept for manual delivery.
/// </summary>
public sealed partial record OutboxMessage(string Id, string Kind, string? To, string Subject, string TextBody, IReadOnlyList<OutboxAttachment> Attachments)
{
    public const int MaxIdLength = 200;

    /// <summary>A Table Storage string property holds 64 KiB, i.e. 32 768 UTF-16 code units.</summary>
    public const int MaxTextLength = 32_768;

    public const int MaxSubjectLength = 900;

    public const int MaxAttachments = 10;

    public string Id { get; } = IsValidId(Id)
        ? Id!
        : throw new ArgumentException($"Outbox message id '{Id}' must be 1-{MaxIdLength} characters of letters, digits, '-', '_' and '.'.", nameof(Id));

    /// <summary>What the message is, for logs and alerts: <c>invoice</c>, <c>reminder</c>, … (lower-case, digits, '-').</summary>
    public string Kind { get; } = KindPattern().IsMatch(Kind ?? "")
        ? Kind!
        : throw new ArgumentException($"Outbox message kind '{Kind}' must be 1-40 characters of a-z, 0-9 and '-', starting with a letter.", nameof(Kind));

    /// <summary>One address or a comma-separated list; empty or missing means manual delivery.</summary>
    public string? To { get; } = string.IsNullOrWhiteSpace(To) ? null
        : To.Trim().Any(char.IsControl) ? throw new ArgumentException("Outbox message recipient must not contain control characters (CR, LF, TAB…).", nameof(To))
        : To.Trim();

    public string Subject { get; } = !string.IsNullOrWhiteSpace(Subject) && Subject.Length <= MaxSubjectLength && !Subject.AsSpan().ContainsAny('\r', '\n')
        ? Subject
        : throw new ArgumentException($"Outbox message subject must be one line of 1-{MaxSubjectLength} characters.", nameof(Subject));

    public string TextBody { get; } = TextBody is not null && TextBody.Length <= MaxTextLength
        ? TextBody
        : throw new ArgumentException($"Outbox message text must be at most {MaxTextLength} characters.", nameof(TextBody));

    public IReadOnlyList<OutboxAttachment> Attachments { get; } = Attachments is not null && Attachments.Count <= MaxAttachments
        ? Attachments.ToArray()
        : throw new ArgumentException($"An outbox message has at most {MaxAttachments} attachments.", nameof(Attachments));

    /// <summary>When set, the message is not sent (state Cancelled) if this invoice is Paid or Overpaid by the time it would be sent.</summary>
    public InvoiceKey? CancelIfPaid { get; init; }

    internal static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,200}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex KindPattern();
}
