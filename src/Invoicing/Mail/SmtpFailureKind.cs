namespace Invoicing.Mail;

/// <summary>What a failed send means for the message, which decides what the outbox does next.</summary>
public enum SmtpFailureKind
{
    /// <summary>Not delivered, and trying again later may work: the server was unreachable or said 4xx.</summary>
    Transient,

    /// <summary>Not delivered, and trying again will not help: the server said 5xx, or an address is malformed.</summary>
    Permanent,

    /// <summary>
    /// The whole message was handed to the server, but its answer never came: it may have been delivered.
    /// Sending again could send it twice, so a person decides.
    /// </summary>
    Uncertain,
}
