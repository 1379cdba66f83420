using System.Globalization;
using Invoicing.Audit;
using Invoicing.Invoices;
using Invoicing.Mail;
using Invoicing.Parties;
using Invoicing.Reports;
using Invoicing.Storage;

namespace Invoicing.Reminders;

/// <summary>The party has no invoice e-mail address to send its statement to; nothing was queued or written.</summary>
public sealed class StatementAddressMissingException(string message, string swedishMessage) : Exception(message), ISwedishMessage
{
    public string SwedishMessage { get; } = swedishMessage;
}

/// <summary>What <see cref="StatementMail.SendAsync"/> did: queued the e-mail now, or found it queued earlier.</summary>
public sealed record StatementSending(StatementDocument Document, string MessageId, string To, bool QueuedNow);

/// <summary>
/// Sends a party its statement (kontoutdrag) through the outbox: the PDF is written once to
/// <c>reminders/statements/{scheme}/{year}/{party}-{yyyyMMdd}.pdf</c> (the container of the other letters that ask a
/// party to pay; <c>If-None-Match: *</c>, so a retry never replaces what was written), and one e-mail with it attached
/// is queued to the party's invoice address under <c>statement-{scheme}-{year}-{party}-{yyyyMMdd}</c>: one statement per
/// scheme, year, party and day, however often this is repeated. A statement dated after today is not sent (it would
/// tell the party about a day that has not come), nor one to a party without an invoice e-mail address. The queuing is
/// an audit event (<see cref="AuditActions.StatementSent"/>) of whoever asked for it, once per outbox id.
/// </summary>
public sealed class StatementMail(
    Statements statements,
    StatementPdfRenderer renderer,
    PartyStore parties,
    InvoiceArchive archive,
    Outbox outbox,
    AuditTrail audit,
    TimeProvider time)
{
    /// <exception cref="StatementUnavailableException">The party is unknown or has no documents that year.</exception>
    /// <exception cref="StatementAddressMissingException">The party has no invoice e-mail address.</exception>
    /// <exception cref="DateInFutureException"><paramref name="asOf"/> is after today in Sweden.</exception>
    public async Task<StatementSending> SendAsync(SchemeId scheme, int year, PartyCode party, DateOnly asOf, CancellationToken cancellationToken)
    {
        var today = SwedishCalendar.Today(time);
        if (asOf > today)
        {
            throw new DateInFutureException(
                $"a statement as of {IsoDate.Format(asOf)}, after today ({IsoDate.Format(today)}), cannot be sent; nothing was queued.",
                $"Ett kontoutdrag per {IsoDate.Format(asOf)}, efter i dag ({IsoDate.Format(today)}), kan inte skickas; inget köades.");
        }

        var document = await statements.FindAsync(scheme, year, party, asOf, cancellationToken);
        var known = await parties.GetAllAsync(cancellationToken);
        if ((known.TryGetValue(party, out var found) ? found.InvoiceEmail : null) is not { } to)
        {
            throw new StatementAddressMissingException(
                $"Party {party} has no invoice e-mail address (parties.csv, invoice_email); the statement was not queued.",
                $"Parten {party} har ingen e-postadress för fakturor (parties.csv, invoice_email); kontoutdraget köades inte.");
        }

        var message = Message(document, to);
        if (await outbox.FindAsync(message.Id, cancellationToken) is not null)
        {
            // Recorded again by its key: a run that queued the e-mail and stopped before its event gets it now, any other records nothing.
            await RecordAsync(document.Statement, message.Id, cancellationToken);
            return new StatementSending(document, message.Id, to, QueuedNow: false);
        }

        var attachment = message.Attachments.Single();
        await archive.WriteIfAbsentAsync(attachment.Container, attachment.BlobName, renderer.Render(document), cancellationToken);
        var queued = await outbox.EnqueueAsync(message, cancellationToken);
        await RecordAsync(document.Statement, message.Id, cancellationToken);
        return new StatementSending(document, message.Id, to, queued);
    }

    /// <summary>Who asked for the statement to be sent, when and from where: one event per outbox id.</summary>
    private Task<bool> RecordAsync(Statement statement, string messageId, CancellationToken cancellationToken) =>
        audit.RecordAsync(
            new AuditEntry(
                $"statement-sent:{messageId}",
                AuditActions.StatementSent,
                $"statement of party {statement.Party} as of {IsoDate.Format(statement.AsOf)} queued as {messageId}")
            {
                Scheme = statement.Scheme,
                Year = statement.Year,
            },
            cancellationToken);

    /// <summary>The outbox id of a statement: one per scheme, year, party and statement day.</summary>
    public static string MessageIdFor(SchemeId scheme, int year, PartyCode party, DateOnly asOf) =>
        $"statement-{scheme}-{year.ToString(CultureInfo.InvariantCulture)}-{party}-{asOf.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    /// <summary>Where a sent statement's PDF is kept, in the <c>reminders</c> container.</summary>
    public static string BlobNameFor(SchemeId scheme, int year, PartyCode party, DateOnly asOf) =>
        $"statements/{scheme}/{year.ToString(CultureInfo.InvariantCulture)}/{party}-{asOf.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.pdf";

    /// <summary>The statement's e-mail in Swedish: what the party has to pay, or what is to be paid back to it. Pure.</summary>
    public static OutboxMessage Message(StatementDocument document, string to)
    {
        var (issuer, statement) = (document.Issuer, document.Statement);
        var closing = statement.Closing switch
        {
            var owed when owed > Money.Zero =>
                $"Att betala: {SwedishFormat.Amount(statement.Due)}. Betala till bankgiro {issuer.Bankgiro} med OCR-numret på respektive faktura.",
            var back when back < Money.Zero =>
                $"Att återbetala till er: {SwedishFormat.Amount(statement.RefundOwed)}. Beloppet betalas tillbaka till er.",
            _ => "Ni har inget kvar att betala.",
        };
        return new OutboxMessage(
            MessageIdFor(statement.Scheme, statement.Year, statement.Party, statement.AsOf),
            "statement",
            to,
            issuer.MailSubject($"Kontoutdrag {document.SchemeName} {statement.Year.ToString(CultureInfo.InvariantCulture)} per {SwedishFormat.Date(statement.AsOf)} från {issuer.Name}"),
            issuer.MailBody($"""
            Hej,

            Här är ert kontoutdrag för {document.SchemeName}, år {statement.Year.ToString(CultureInfo.InvariantCulture)}, per {SwedishFormat.Date(statement.AsOf)}: fakturor, krediteringar, inbetalningar och påminnelser med löpande saldo.
            {closing}

            Kontoutdraget finns som PDF i bilagan. Hör av er om något inte stämmer.

            Med vänliga hälsningar
            {issuer.Name}
            {issuer.ContactName}, {issuer.ContactPhone}, {issuer.ContactEmail}
            """),
            [new OutboxAttachment(
                StorageNames.RemindersContainer,
                BlobNameFor(statement.Scheme, statement.Year, statement.Party, statement.AsOf),
                document.FileName())]);
    }
}
