using System.Globalization;
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
    public static IReadOnlyList<BankEntry> Read(string fileName, Stream content)
    {
        using var reader = CamtXml.CreateReader(content);
        CamtStreamProgress? progress = null;
        try
        {
            try
            {
                return ReadDocument(fileName, reader, value => progress = value);
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

    private static List<BankEntry> ReadDocument(string fileName, XmlReader reader, Action<CamtStreamProgress> started)
    {
        reader.MoveToContent();
        var message = Iso20022Message.FromNamespace(reader.NamespaceURI);
        if (reader.LocalName != "Document" || message is null)
        {
            throw CamtFault.InFile(fileName,
                $"not a camt.054 or BgMax file: the XML root is <{reader.LocalName}> in namespace '{reader.NamespaceURI}'.");
        }

        if (message.Name != MessageName)
        {
            throw CamtFault.InFile(fileName,
                $"an ISO 20022 {message} document, not a camt.054 notification (BankToCustomerDebitCreditNotification).");
        }

        if (message.Variant != 1 || message.Version < FirstVersionRead)
        {
            throw CamtFault.InFile(fileName, $"{message} is not read; camt.054.001.02 or later is.");
        }

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
            var references = new HashSet<string>(StringComparer.Ordinal);
            var notificationCount = progress.StartNotifications(reader.Depth);
            foreach (var _ in CamtStream.Children(reader, camt.Namespace + "Ntfctn"))
            {
                var notification = Opened(camt, reader);
                camt.MarkStreamed(notification, ++notificationCount.Total, notificationCount);
                notifications.Add(notification);
                ReadNotification(camt, reader, progress, notification, entries, references);
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
        camt.MarkLine(element, (IXmlLineInfo)reader);
        return element;
    }

    private static void ReadNotification(
        CamtDocument camt, XmlReader reader, CamtStreamProgress progress, XElement notification, List<BankEntry> entries, HashSet<string> references)
    {
        var entryName = camt.Namespace + "Ntry";
        var entryCount = progress.StartEntries(reader.Depth);
        var creditCount = 0;
        var creditSum = Money.Zero;
        foreach (var name in CamtStream.Children(reader, null))
        {
            var element = CamtStream.Load(reader);
            notification.Add(element);
            if (name != entryName)
            {
                // The account comes before the entries in camt.054; one after them would come too late to check them.
                if (entryCount.Total > 0 && name == camt.Namespace + "Acct")
                {
                    throw camt.Fail(element, "comes after the notification's entries (Ntry); camt.054 names the account before them.");
                }

                continue;
            }

            camt.MarkStreamed(element, ++entryCount.Total, entryCount);
            var account = camt.Text(notification, "Acct", "Id", "IBAN") ?? camt.Text(notification, "Acct", "Id", "Othr", "Id");
            foreach (var (entry, source) in ReadEntry(camt, element, account, ref creditCount, ref creditSum))
            {
                // A repeated reference would make the second credit look like a re-import of the first and be lost.
                if (!references.Add(entry.EntryReference))
                {
                    throw camt.Fail(source, $"entry reference '{entry.EntryReference}' occurs twice in the file.");
                }

                entries.Add(entry);
            }

            element.Remove();
        }

        progress.EndEntries();
        CheckCreditTotals(camt, notification, creditCount, creditSum);
    }

    private static IEnumerable<(BankEntry Entry, XElement Element)> ReadEntry(
        CamtDocument camt, XElement entry, string? account, ref int creditCount, ref Money creditSum)
    {
        var indicator = camt.Required(entry, "CdtDbtInd");
        var booked = camt.Find(entry, "Sts")?.Value.Trim() is null or "BOOK";
        var reversal = IsReversalIndicator(camt, entry);
        switch (indicator.Value.Trim())
        {
            case "DBIT":
                // Money leaving the account is not a payment to us, unless it takes back a payment: a reversal
                // (RvslInd) or a debit quoting a creditor reference (an OCR number) must reach a person or undo it.
                return booked && (reversal || CamtCredit.QuotesCreditorReference(camt, entry))
                    ? new CamtCredit(camt, entry, account, debit: true).Entries()
                    : [];
            case "CRDT":
                var credit = new CamtCredit(camt, entry, account, debit: false) { IsReversal = reversal };
                creditCount++;
                creditSum += credit.Amount;

                // A pending (PDNG) or information-only (INFO) entry is not money on the account yet: it counts in
                // the notification's totals but is not booked; the bank reports it again once booked.
                return booked ? credit.Entries() : [];
            default:
                throw camt.Fail(indicator, $"'{indicator.Value.Trim()}' is neither CRDT nor DBIT.");
        }
    }

    private static bool IsReversalIndicator(CamtDocument camt, XElement entry)
    {
        var element = camt.Find(entry, "RvslInd");
        return element?.Value.Trim() switch
        {
            null or "false" or "0" => false,
            "true" or "1" => true,
            var other => throw camt.Fail(element!, $"'{other}' is neither true nor false."),
        };
    }

    /// <summary>The notification's own count and sum of credit entries, where it states them, must match what was read.</summary>
    private static void CheckCreditTotals(CamtDocument camt, XElement notification, int creditCount, Money creditSum)
    {
        var totals = camt.Find(notification, "TxsSummry", "TtlCdtNtries");
        if (camt.Find(totals, "NbOfNtries") is { } countElement)
        {
            var text = countElement.Value.Trim();
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                throw camt.Fail(countElement, $"'{text}' is not a number of entries.");
            }

            if (count != creditCount)
            {
                throw camt.Fail(countElement, $"states {count} credit entries but the notification has {creditCount}.");
            }
        }

        if (camt.Find(totals, "Sum") is { } sumElement)
        {
            var text = sumElement.Value.Trim();
            if (!DecimalAmount.TryParse(text, out var sum))
            {
                throw camt.Fail(sumElement, $"'{text}' is not an amount with at most two decimals.");
            }

            if (sum != creditSum)
            {
                throw camt.Fail(sumElement,
                    $"states {sum.ToInvariantString()} but the credit entries sum to {creditSum.ToInvariantString()}.");
            }
        }
    }
}
