using System.Xml;
using System.Xml.Linq;

namespace Invoicing.Payments.BankFiles;

/// <summary>
/// Where a streamed camt read is: the notifications and the current notification's entries counted so far. After
/// a problem, <see cref="CountRest"/> reads the rest of the file to finish both counts (and to meet any XML error).
/// </summary>
internal sealed class CamtStreamProgress(XName notificationName, XName entryName)
{
    private SiblingCount? _notifications;
    private int _notificationsDepth;
    private SiblingCount? _entries;
    private int _entriesDepth;

    /// <summary>The reader is on <c>BkToCstmrDbtCdtNtfctn</c>'s start tag.</summary>
    public SiblingCount StartNotifications(int depth)
    {
        _notificationsDepth = depth;
        return _notifications = new SiblingCount(0);
    }

    public void EndNotifications() => _notifications = null;

    /// <summary>The reader is on a <c>Ntfctn</c>'s start tag.</summary>
    public SiblingCount StartEntries(int depth)
    {
        _entriesDepth = depth;
        return _entries = new SiblingCount(0);
    }

    public void EndEntries() => _entries = null;

    /// <summary>Reads to the end of the file, counting the notifications and entries still open.</summary>
    public void CountRest(XmlReader reader)
    {
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                var name = XName.Get(reader.LocalName, reader.NamespaceURI);
                if (_entries is not null && reader.Depth == _entriesDepth + 1 && name == entryName)
                {
                    _entries.Total++;
                }
                else if (_notifications is not null && reader.Depth == _notificationsDepth + 1 && name == notificationName)
                {
                    _notifications.Total++;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                if (_entries is not null && reader.Depth == _entriesDepth)
                {
                    _entries = null;
                }
                else if (_notifications is not null && reader.Depth == _notificationsDepth)
                {
                    _notifications = null;
                }
            }

            reader.Read();
        }
    }
}
