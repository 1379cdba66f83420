using System.Xml;
using System.Xml.Linq;

namespace Invoicing.Payments.BankFiles;

/// <summary>
/// Finds elements of one camt document by their ISO 20022 names (in the document's namespace, whatever its
/// version) and names them, by element path and line, in every complaint.
/// </summary>
internal sealed class CamtDocument(string fileName, XNamespace xmlNamespace)
{
    public IEnumerable<XElement> Children(XElement? parent, string name) =>
        parent?.Elements(xmlNamespace + name) ?? [];

    /// <summary>The first element down <paramref name="path"/> (ISO names, e.g. "RltdPties", "Dbtr", "Nm").</summary>
    public XElement? Find(XElement? parent, params string[] path)
    {
        var current = parent;
        foreach (var name in path)
        {
            current = current?.Element(xmlNamespace + name);
        }

        return current;
    }

    /// <summary>The trimmed text down <paramref name="path"/>; null when the element is missing or blank.</summary>
    public string? Text(XElement? parent, params string[] path)
    {
        var text = Find(parent, path)?.Value.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public XElement Required(XElement parent, params string[] path) =>
        Find(parent, path) ?? throw Missing(parent, path);

    public BankFileException Fail(XElement element, string problem) =>
        BankFileException.AtElement(fileName, $"{PathOf(element)}{LineOf(element)}", problem);

    public BankFileException Missing(XElement parent, params string[] path) =>
        BankFileException.AtElement(fileName, $"{PathOf(parent)}/{string.Join('/', path)}{LineOf(parent)}", "is missing.");

    /// <summary>Local names from the root, with a 1-based index where an element has same-named siblings.</summary>
    private static string PathOf(XElement element) =>
        string.Join('/', element.AncestorsAndSelf().Reverse().Select(Step));

    private static string Step(XElement element)
    {
        if (element.Parent is null)
        {
            return element.Name.LocalName;
        }

        var siblings = element.Parent.Elements(element.Name).ToList();
        return siblings.Count == 1 ? element.Name.LocalName : $"{element.Name.LocalName}[{siblings.IndexOf(element) + 1}]";
    }

    private static string LineOf(IXmlLineInfo element) =>
        element.HasLineInfo() ? $" (line {element.LineNumber}, position {element.LinePosition})" : "";
}
