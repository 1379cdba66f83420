using System.Globalization;
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

    public static IReadOnlyList<BankEntry> Read(string fileName, byte[] content)
    {
        var root = CamtXml.Load(fileName, content).Root!;
        var message = Iso20022Message.FromNamespace(root.Name.NamespaceName);
        if (root.Name.LocalName != "Document" || message is null)
        {
            throw BankFileException.InFile(fileName,
                $"not a camt.054 or BgMax file: the XML root is <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}'.");
        }

        if (message.Name != MessageName)
        {
            throw BankFileException.InFile(fileName,
                $"an ISO 20022 {message} document, not a camt.054 notification (BankToCustomerDebitCreditNotification).");
        }

        if (message.Variant != 1 || message.Version < FirstVersionRead)
        {
            throw BankFileException.InFile(fileName, $"{message} is not read; camt.054.001.02 or later is.");
        }

        var camt = new CamtDocument(fileName, root.Name.Namespace);
        var notifications = camt.Required(root, "BkToCstmrDbtCdtNtfctn");
        var entries = new List<BankEntry>();
        var references = new HashSet<string>(StringComparer.Ordinal);
        foreach (var notification in camt.Children(notifications, "Ntfctn"))
        {
            foreach (var (entry, element) in ReadNotification(camt, notification))
            {
                // A repeated reference would make the second credit look like a re-import of the first and be lost.
                if (!references.Add(entry.EntryReference))
                {
                    throw camt.Fail(element, $"entry reference '{entry.EntryReference}' occurs twice in the file.");
                }

                entries.Add(entry);
            }
        }

        return entries;
    }

    private static List<(BankEntry Entry, XElement Element)> ReadNotification(CamtDocument camt, XElement notification)
    {
        var account = camt.Text(notification, "Acct", "Id", "IBAN") ?? camt.Text(notification, "Acct", "Id", "Othr", "Id");
        var entries = new List<(BankEntry, XElement)>();
        var creditCount = 0;
        var creditSum = Money.Zero;
        foreach (var entry in camt.Children(notification, "Ntry"))
        {
            var indicator = camt.Required(entry, "CdtDbtInd");
            var booked = camt.Find(entry, "Sts")?.Value.Trim() is null or "BOOK";
            var reversal = IsReversalIndicator(camt, entry);
            switch (indicator.Value.Trim())
            {
                case "DBIT":
                    // Money leaving the account is not a payment to us, unless it takes back a payment: a reversal
                    // (RvslInd) or a debit quoting a creditor reference (an OCR number) must reach a person or undo it.
                    if (booked && (reversal || CamtCredit.QuotesCreditorReference(camt, entry)))
                    {
                        entries.AddRange(new CamtCredit(camt, entry, account, debit: true).Entries());
                    }

                    continue;
                case "CRDT":
                    var credit = new CamtCredit(camt, entry, account, debit: false) { IsReversal = reversal };
                    creditCount++;
                    creditSum += credit.Amount;

                    // A pending (PDNG) or information-only (INFO) entry is not money on the account yet: it counts in
                    // the notification's totals but is not booked; the bank reports it again once booked.
                    if (booked)
                    {
                        entries.AddRange(credit.Entries());
                    }

                    break;
                default:
                    throw camt.Fail(indicator, $"'{indicator.Value.Trim()}' is neither CRDT nor DBIT.");
            }
        }

        CheckCreditTotals(camt, notification, creditCount, creditSum);
        return entries;
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
