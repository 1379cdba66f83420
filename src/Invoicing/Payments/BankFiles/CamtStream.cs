using System.Xml;
using System.Xml.Linq;

namespace Invoicing.Payments.BankFiles;

/// <summary>Walks an <see cref="XmlReader"/> element by element, loading only the elements asked for.</summary>
internal static class CamtStream
{
    /// <summary>
    /// The child elements of the element the reader is on, each yielded with the reader on its start tag. The
    /// caller reads each yielded child to its end (<see cref="Load"/>, <see cref="XmlReader.Skip"/> or another
    /// <see cref="Children"/>); children not named <paramref name="only"/> are skipped. Ends past the parent's end tag.
    /// </summary>
    public static IEnumerable<XName> Children(XmlReader reader, XName? only)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            yield break;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                reader.Read();
                yield break;
            }

            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
            {
                var name = XName.Get(reader.LocalName, reader.NamespaceURI);
                if (only is null || name == only)
                {
                    yield return name;
                }
                else
                {
                    reader.Skip();
                }

                continue;
            }

            reader.Read();
        }
    }

    /// <summary>The element the reader is on, with its content and line information; the reader ends past it.</summary>
    public static XElement Load(XmlReader reader)
    {
        XElement element;
        using (var subtree = reader.ReadSubtree())
        {
            element = XElement.Load(subtree, LoadOptions.SetLineInfo);
        }

        // Closing the subtree leaves the reader on the element's end tag (on the element itself when it is empty).
        reader.Read();
        return element;
    }
}
