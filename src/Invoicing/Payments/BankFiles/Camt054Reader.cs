using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;

namespace Invoicing.Payments.BankFiles;

/// <summary>
/// Reads an ISO 20022 camt.054 (BankToCustomerDebitCreditNotification), version 02 or later: the credits of
/// every notification, each checked against the notification's own totals.
/// </summary>
internal static class Camt054Reader
{
    private const string MessageName = "camt.054";
    private const int FirstVersionRead = 2;

    /// <summary>
    /// Streams the file: one entry (<c>Ntry</c>) at a time is in memory, so memory does not grow with the file
    /// beyond the entries read. Any problem, anywhere, refuses the whole file; an XML error comes first, wherever it is.
    /// </summary>
    /// <returns>The entries, and the message as its namespace names it (<c>camt.054.001.08</c>).</returns>
    public static (IReadOnlyList<BankEntry> Entries, string Message) Read(string fileName, Stream content)
    {
        using var reader = CamtXml.CreateReader(content);
        CamtStreamProgress? progress = null;
        try
        {
            try
            {
                Iso20022Message? message = null;
                var entries = ReadDocument(fileName, reader, value => progress = value, value => message = value);
                return (entries, message!.ToString());
            }
            catch (CamtFault fault)
            {
                // Read on to the end: an XML error later in the file is reported instead, and the counts of the
                // streamed elements decide how the message names them.
                if (progress is null)
                {
                    while (reader.Read())
                    {
                    }
                }
                else
                {
                    progress.CountRest(reader);
                }

                throw fault.ToBankFileException();
            }
        }
        catch (XmlException e)
        {
            throw CamtXml.NotWellFormed(fileName, e);
        }
    }

    private static List<BankEntry> ReadDocument(string fileName, XmlReader reader, Action<CamtStreamProgress> started, Action<Iso20022Message> named)
    {
        reader.MoveToContent();
        var message = Iso20022Message.FromNamespace(reader.NamespaceURI);
        if (reader.LocalName != "Document" || message is null)
        {
            throw CamtFault.InFile(fileName,
                $"not a camt.054 or BgMax file: the XML root is <{reader.LocalName}> in namespace '{reader.NamespaceURI}'.",
                $"inte en camt.054- eller BgMax-fil: XML-roten är <{reader.LocalName}> i namnrymden '{reader.NamespaceURI}'.");
        }

        if (message.Name != MessageName)
        {
            throw CamtFault.InFile(fileName,
                $"an ISO 20022 {message} document, not a camt.054 notification (BankToCustomerDebitCreditNotification).",
                $"ett ISO 20022-dokument {message}, inte en camt.054-avisering (BankToCustomerDebitCreditNotification).");
        }

        if (message.Variant != 1 || message.Version < FirstVersionRead)
        {
            throw CamtFault.InFile(fileName, $"{message} is not read; camt.054.001.02 or later is.",
                $"{message} läses inte in; camt.054.001.02 eller senare gör det.");
        }

        named(message);
        var camt = new CamtDocument(fileName, reader.NamespaceURI);
        var progress = new CamtStreamProgress(camt.Namespace + "Ntfctn", camt.Namespace + "Ntry");
        started(progress);
        var root = Opened(camt, reader);
        var entries = new List<BankEntry>();
        XElement? notifications = null;
        foreach (var name in CamtStream.Children(reader, null))
        {
            // The first BkToCstmrDbtCdtNtfctn is the message (the schema allows one); anything else is skipped.
            if (name != camt.Namespace + "BkToCstmrDbtCdtNtfctn" || notifications is not null)
            {
                reader.Skip();
                continue;
            }

            notifications = Opened(camt, reader);
            root.Add(notifications);
            var notificationCount = progress.StartNotifications(reader.Depth);
            foreach (var _ in CamtStream.Children(reader, camt.Namespace + "Ntfctn"))
            {
                var notification = Opened(camt, reader);
                CamtDocument.MarkStreamed(notification, ++notificationCount.Total, notificationCount);
                notifications.Add(notification);
                ReadNotification(camt, reader, progress, notification, entries);
                notification.Remove();
            }

            progress.EndNotifications();
        }

        if (notifications is null)
        {
            throw camt.Missing(root, "BkToCstmrDbtCdtNtfctn");
        }

        // Whatever follows the root must still be well-formed.
        while (reader.Read())
        {
        }

        return entries;
    }

    /// <summary>An element whose start tag the reader is on, without its content (read by the caller, streaming).</summary>
    private static XElement Opened(CamtDocument camt, XmlReader reader)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        CamtDocument.MarkLine(element, (IXmlLineInfo)reader);
        return element;
    }

    private static void ReadNotification(CamtDocument camt, XmlReader reader, CamtStreamProgress progress, XElement notification, List<BankEntry> entries)
    {
        var entryName = camt.Namespace + "Ntry";
        var entryCount = progress.StartEntries(reader.Depth);
        var creditCount = 0;
        var creditSum = Money.Zero;
        StrongBox<string?>? account = null;
        DateOnly? created = null;
        foreach (var name in CamtStream.Children(reader, null))
        {
            var element = CamtStream.Load(reader);
            notification.Add(element);
            if (name != entryName)
            {
                // The account comes before the entries in camt.054; one after them would come too late to check them.
                if (entryCount.Total > 0 && name == camt.Namespace + "Acct")
                {
                    throw camt.Fail(element, "comes after the notification's entries (Ntry); camt.054 names the account before them.",
                        "kommer efter aviseringens poster (Ntry); i camt.054 anges kontot före dem.");
                }

                continue;
            }

            CamtDocument.MarkStreamed(element, ++entryCount.Total, entryCount);
            // Read once per notification, not per entry: the account comes before the first entry (one after it is
            // refused above), and a creation date once found stays the notification's first.
            account ??= new(camt.Text(notification, "Acct", "Id", "IBAN") ?? camt.Text(notification, "Acct", "Id", "Othr", "Id"));
            created ??= CreationDate(camt, notification);
            var entry = new CamtNtry(camt, element, account.Value, created);
            if (entry.IsCredit)
            {
                // Every credit counts in the notification's totals, booked or not.
                creditCount++;
                creditSum += entry.Amount;
            }

            entries.AddRange(entry.Entries());
            element.Remove();
        }

        progress.EndEntries();
        CheckCreditTotals(camt, notification, creditCount, creditSum);
    }

    /// <summary>The notification's creation date (<c>Ntfctn/CreDtTm</c>), which dates an entry listed without a booking or value date.</summary>
    private static DateOnly? CreationDate(CamtDocument camt, XElement notification) =>
        camt.Text(notification, "CreDtTm") is { Length: >= 10 } text && IsoDate.TryParse(text[..10], out var date) ? date : null;

    /// <summary>The notification's own count and sum of credit entries, where it states them, must match what was read.</summary>
    private static void CheckCreditTotals(CamtDocument camt, XElement notification, int creditCount, Money creditSum)
    {
        var totals = camt.Find(notification, "TxsSummry", "TtlCdtNtries");
        if (camt.Find(totals, "NbOfNtries") is { } countElement)
        {
            var text = countElement.Value.Trim();
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                throw camt.Fail(countElement, $"'{text}' is not a number of entries.", $"'{text}' är inte ett antal poster.");
            }

            if (count != creditCount)
            {
                throw camt.Fail(countElement, $"states {count} credit entries but the notification has {creditCount}.",
                    $"anger {count} kreditposter men aviseringen har {creditCount}.");
            }
        }

        if (camt.Find(totals, "Sum") is { } sumElement)
        {
            var text = sumElement.Value.Trim();
            if (!DecimalAmount.TryParse(text, out var sum))
            {
                throw camt.Fail(sumElement, $"'{text}' is not an amount with at most two decimals.", $"'{text}' är inte ett belopp med högst två decimaler.");
            }

            if (sum != creditSum)
            {
                throw camt.Fail(sumElement,
                    $"states {sum.ToInvariantString()} but the credit entries sum to {creditSum.ToInvariantString()}.",
                    $"anger {sum.ToInvariantString()} men kreditposterna summerar till {creditSum.ToInvariantString()}.");
            }
        }
    }
}
