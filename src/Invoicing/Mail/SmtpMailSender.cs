using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Invoicing.Mail;

/// <summary>
/// Sends one message over SMTP with MailKit: connect, sign in when a user name is configured, send,
/// disconnect. Every failure comes out as a <see cref="SmtpSendException"/> whose kind tells the outbox
/// whether to try again, give up, or ask a person (see <see cref="SmtpFailureKind"/>).
/// </summary>
public sealed class SmtpMailSender(IOptions<SmtpOptions> options)
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        settings.ValidateForSending(); // so Host is set below
        var handOver = new HandOverProgress();
        using var client = new SmtpClient { Timeout = checked(settings.TimeoutSeconds * 1000) };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, SocketOptions(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken, handOver);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not SmtpSendException)
        {
            var kind = Classify(e, handOver.Started);
            throw new SmtpSendException(kind, $"{kind} SMTP failure: {Describe(e)}", e);
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException or TimeoutException or ProtocolException or SmtpCommandException)
        {
            // The server has accepted the message; a failed goodbye must not turn it into a retry.
        }
    }

    /// <summary>
    /// A definite answer from the server decides by its code (4xx transient, 5xx permanent). Without one, the
    /// message was certainly not delivered as long as none of its content was written; after that, a lost
    /// connection or a timeout leaves it open whether the server kept it.
    /// </summary>
    internal static SmtpFailureKind Classify(Exception exception, bool contentHandedOver) => exception switch
    {
        SmtpCommandException command => (int)command.StatusCode >= 500 ? SmtpFailureKind.Permanent : SmtpFailureKind.Transient,
        AuthenticationException or ParseException => SmtpFailureKind.Permanent,
        _ when contentHandedOver => SmtpFailureKind.Uncertain,
        IOException or SocketException or TimeoutException or OperationCanceledException
            or ProtocolException or ServiceNotConnectedException or SslHandshakeException => SmtpFailureKind.Transient,

        // Anything else (STARTTLS required but not offered, a bug) will not mend itself: a person looks.
        _ => SmtpFailureKind.Permanent,
    };

    /// <summary>What a person reading the outbox row needs: the server's code and the address it concerned.</summary>
    private static string Describe(Exception exception) => exception switch
    {
        SmtpCommandException { Mailbox: { } mailbox } command => $"{(int)command.StatusCode} {command.ErrorCode} <{mailbox.Address}>: {command.Message}",
        SmtpCommandException command => $"{(int)command.StatusCode} {command.ErrorCode}: {command.Message}",
        SocketException socket => $"{socket.SocketErrorCode}: {socket.Message}",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.Auto => SecureSocketOptions.Auto,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, null),
    };

    /// <summary>MailKit reports progress only while it writes the message content, after the server said 354.</summary>
    private sealed class HandOverProgress : ITransferProgress
    {
        private volatile bool _started;

        public bool Started => _started;

        public void Report(long bytesTransferred, long totalSize) => Report(bytesTransferred);

        public void Report(long bytesTransferred)
        {
            if (bytesTransferred > 0)
            {
                _started = true;
            }
        }
    }
}
