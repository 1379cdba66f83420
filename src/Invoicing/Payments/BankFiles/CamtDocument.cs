using System.Xml;
using System.Xml.Linq;

namespace Invoicing.Payments.BankFiles;

/// <summary>
/// Finds elements of one camt document by their ISO 20022 names (in the document's namespace, whatever its
/// version) and names them, by element path and line, in every complaint. The document is streamed: only the
/// elements on the way down (<c>Document</c>, <c>BkToCstmrDbtCdtNtfctn</c>, the current <c>Ntfctn</c>) and the
/// entry being read are in memory, so the reader marks each streamed element with its position among its
/// siblings (<see cref="MarkStreamed"/>), and the line of the elements it only opened (<see cref="MarkLine"/>).
/// Both marks are annotations on the element itself, gone with it: a weak table would give each of a large file's
/// entries a handle the garbage collector must visit until it is collected.
/// </summary>
internal sealed class CamtDocument(string fileName, XNamespace xmlNamespace)
{
    public XNamespace Namespace => xmlNamespace;

    // The document's element names by ISO name: asked for a few dozen times per entry, found here without the
    // namespace's own table, which hashes the whole name each time.
    private readonly Dictionary<string, XName> _names = new(StringComparer.Ordinal);

    public IEnumerable<XElement> Children(XElement? parent, string name) =>
        parent?.Elements(Name(name)) ?? [];

    /// <summary>The first element down <paramref name="path"/> (ISO names, e.g. "RltdPties", "Dbtr", "Nm").</summary>
    public XElement? Find(XElement? parent, params ReadOnlySpan<string> path)
    {
        var current = parent;
        foreach (var name in path)
        {
            current = current?.Element(Name(name));
        }

        return current;
    }

    /// <summary>The trimmed text down <paramref name="path"/>; null when the element is missing or blank.</summary>
    public string? Text(XElement? parent, params ReadOnlySpan<string> path)
    {
        var text = Find(parent, path)?.Value.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public XElement Required(XElement parent, params ReadOnlySpan<string> path) =>
        Find(parent, path) ?? throw Missing(parent, path);

    private XName Name(string name)
    {
        if (!_names.TryGetValue(name, out var found))
        {
            _names[name] = found = xmlNamespace + name;
        }

        return found;
    }

    /// <summary>Records that <paramref name="element"/> is the <paramref name="position"/>-th of <paramref name="siblings"/> same-named elements read from its parent.</summary>
    public static void MarkStreamed(XElement element, int position, SiblingCount siblings)
    {
        element.RemoveAnnotations<CamtPathStep>();
        element.AddAnnotation(new CamtPathStep(element.Name.LocalName, position, siblings));
    }

    /// <summary>Records the line of an element whose start tag was read but whose content is streamed.</summary>
    public static void MarkLine(XElement element, IXmlLineInfo line)
    {
        if (LineOf(line) is { } found)
        {
            element.RemoveAnnotations<CamtLine>();
            element.AddAnnotation(found);
        }
    }

    public CamtFault Fail(XElement element, string problem, string swedishProblem) =>
        new(fileName, PathOf(element), LineOf(element), problem, swedishProblem);

    public CamtFault Missing(XElement parent, params ReadOnlySpan<string> path) =>
        new(fileName, [.. PathOf(parent), .. path.ToArray().Select(name => new CamtPathStep(name, 1, new SiblingCount(1)))], LineOf(parent), "is missing.", "saknas.");

    /// <summary>Local names from the root, with a 1-based index where an element has same-named siblings.</summary>
    private List<CamtPathStep> PathOf(XElement element) =>
        [.. element.AncestorsAndSelf().Reverse().Select(Step)];

    private CamtPathStep Step(XElement element)
    {
        if (element.Annotation<CamtPathStep>() is { } streamed)
        {
            return streamed;
        }

        if (element.Parent is null)
        {
            return new CamtPathStep(element.Name.LocalName, 1, new SiblingCount(1));
        }

        var siblings = element.Parent.Elements(element.Name).ToList();
        return new CamtPathStep(element.Name.LocalName, siblings.IndexOf(element) + 1, new SiblingCount(siblings.Count));
    }

    private static CamtLine? LineOf(XElement element) =>
        element.Annotation<CamtLine>() ?? LineOf((IXmlLineInfo)element);

    private static CamtLine? LineOf(IXmlLineInfo element) =>
        element.HasLineInfo() ? new CamtLine(element.LineNumber, element.LinePosition) : null;
}
