using System.Text;
using Azure;
using Invoicing.Storage;
using MimeKit;

namespace Invoicing.Mail;

/// <summary>
/// Turns an outbox entry into the MIME message to send: sender and reply address from the options, the
/// text as UTF-8, each attachment streamed from its blob, and a <c>Message-ID</c> derived from the id so a
/// receiving system (or a person) can recognise a duplicate. Built afresh for every try, so each try reads
/// its attachments from the start.
/// </summary>
internal sealed class OutboxMimeBuilder(InvoicingStorage storage, TimeProvider time)
{
    public const string MessageIdDomain = "invoicing";

    public static string MessageIdFor(string id) => $"{id}@{MessageIdDomain}";

    /// <remarks><paramref name="options"/> have passed <see cref="SmtpOptions.ValidateForSending"/>, so From is set.</remarks>
    /// <exception cref="SmtpSendException">Permanent: the recipient address is not usable.</exception>
    /// <exception cref="FileNotFoundException">An attachment's blob does not exist.</exception>
    public async Task<MimeMessage> BuildAsync(OutboxEntry entry, SmtpOptions options, CancellationToken cancellationToken)
    {
        var message = new MimeMessage
        {
            MessageId = MessageIdFor(entry.Id),
            Date = time.GetUtcNow(),
            Subject = entry.Subject,
        };
        message.From.Add(MailboxAddress.Parse(options.From!));
        if (!string.IsNullOrWhiteSpace(options.ReplyTo))
        {
            message.ReplyTo.Add(MailboxAddress.Parse(options.ReplyTo));
        }

        message.To.AddRange(Recipients(entry));

        var text = new TextPart("plain");
        text.SetText(Encoding.UTF8, entry.TextBody);
        if (entry.Attachments.Count == 0)
        {
            message.Body = text;
            return message;
        }

        var body = new Multipart("mixed") { text };
        message.Body = body;
        try
        {
            foreach (var attachment in entry.Attachments)
            {
                body.Add(await AttachmentAsync(attachment, cancellationToken));
            }
        }
        catch
        {
            message.Dispose();
            throw;
        }

        return message;
    }

    private static MailboxAddress[] Recipients(OutboxEntry entry)
    {
        // A control character (a lone CR, a TAB) in an address could smuggle in a header such as Bcc: refuse it
        // outright rather than let the parser guess.
        if (entry.To is { } to && to.Any(char.IsControl))
        {
            throw new SmtpSendException(SmtpFailureKind.Permanent, $"Recipient address '{Invoicing.DocumentText.Quote(to)}' contains a control character; it is not sent.", null);
        }

        try
        {
            var mailboxes = InternetAddressList.Parse(entry.To ?? "").Mailboxes.ToArray();
            if (mailboxes.Length == 0 || mailboxes.Any(m => string.IsNullOrEmpty(m.Domain)))
            {
                throw new ParseException($"'{entry.To}' has an address without a domain.", 0, 0);
            }

            return mailboxes;
        }
        catch (ParseException e)
        {
            throw new SmtpSendException(SmtpFailureKind.Permanent, $"Recipient address '{entry.To}' is not usable: {e.Message}", e);
        }
    }

    private async Task<MimePart> AttachmentAsync(OutboxAttachment attachment, CancellationToken cancellationToken)
    {
        var blob = storage.Container(attachment.Container).GetBlobClient(attachment.BlobName);
        Stream content;
        try
        {
            content = await blob.OpenReadAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new FileNotFoundException($"Attachment {attachment.Container}/{attachment.BlobName} does not exist.", attachment.BlobName, e);
        }

        return new MimePart(ContentType.Parse(attachment.ContentType))
        {
            Content = new MimeContent(content),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = attachment.FileName,
        };
    }
}
