using MimeKit;

namespace Invoicing.Mail;

/// <summary>
/// The outgoing mail server and how the outbox uses it (section <c>Invoicing:Smtp</c>). The password comes
/// from configuration, in Azure a Key Vault reference in the app settings; it is never in the repository.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Invoicing:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>When set, the client signs in with it and <see cref="Password"/>; otherwise it sends unauthenticated.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>Västerås stad &lt;faktura@vasteras.se&gt;</c>. Required when sending.</summary>
    public string? From { get; set; }

    public string? ReplyTo { get; set; }

    /// <summary>How long one network operation (connect, a command, a write) may take.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Delivery runs a message may fail temporarily in before it is marked failed for good.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the next delivery run may try a message again after a temporary failure.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Tries within one delivery run (exponential backoff between them) before the run gives up on a message.</summary>
    public int SendTries { get; set; } = 3;

    /// <summary>The first backoff between the tries of one delivery run; it doubles, with jitter.</summary>
    public TimeSpan SendRetryBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Checks what sending needs, naming every problem; nothing is claimed before this passes.</summary>
    public void ValidateForSending()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            problems.Add("Host is required.");
        }

        if (Port is < 1 or > 65_535)
        {
            problems.Add($"Port {Port} must be between 1 and 65535.");
        }

        if (string.IsNullOrWhiteSpace(From) || !MailboxAddress.TryParse(From, out _))
        {
            problems.Add($"From '{From}' must be an e-mail address, e.g. 'Västerås stad <faktura@example.se>'.");
        }

        if (!string.IsNullOrWhiteSpace(ReplyTo) && !MailboxAddress.TryParse(ReplyTo, out _))
        {
            problems.Add($"ReplyTo '{ReplyTo}' must be an e-mail address.");
        }

        if (TimeoutSeconds < 1)
        {
            problems.Add($"TimeoutSeconds {TimeoutSeconds} must be at least 1.");
        }

        if (MaxAttempts < 1)
        {
            problems.Add($"MaxAttempts {MaxAttempts} must be at least 1.");
        }

        if (SendTries is < 1 or > 10)
        {
            problems.Add($"SendTries {SendTries} must be between 1 and 10.");
        }

        if (RetryDelay < TimeSpan.Zero || SendRetryBackoff < TimeSpan.Zero || SendRetryBackoff > TimeSpan.FromMinutes(5))
        {
            problems.Add("RetryDelay must not be negative; SendRetryBackoff must be between 0 and 5 minutes.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{Section} is not usable for sending: " + string.Join(" ", problems));
        }
    }
}
