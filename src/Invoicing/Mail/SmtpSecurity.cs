namespace Invoicing.Mail;

/// <summary>
/// How the connection to the SMTP server is secured (<c>Invoicing:Smtp:Security</c>), as MailKit names it.
/// <see cref="Auto"/> is implicit TLS on port 465 and STARTTLS when the server offers it elsewhere.
/// </summary>
public enum SmtpSecurity
{
    Auto,
    StartTls,
    SslOnConnect,

    /// <summary>Plain text: only for a server on the same machine, such as the tests' server.</summary>
    None,
}
