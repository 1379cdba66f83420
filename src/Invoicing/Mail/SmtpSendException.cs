namespace Invoicing.Mail;

/// <summary>A message could not be sent (or may not have been); <see cref="Kind"/> says which way.</summary>
public sealed class SmtpSendException(SmtpFailureKind kind, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public SmtpFailureKind Kind { get; } = kind;
}
