using System.Text;
using System.Xml.Linq;
using Invoicing.Csv;

namespace Invoicing.Testing.Peppol;

/// <summary>An attachment of a UBL document (BG-24), decoded from its base64.</summary>
public sealed record UblAttachment(string Id, string Description, string MimeCode, string FileName, byte[] Content)
{
    /// <summary>The content as a CSV table (UTF-8, its BOM read and dropped, separator as the file has it).</summary>
    public CsvTable Csv()
    {
        using var reader = new StreamReader(new MemoryStream(Content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return CsvTable.Parse(FileName, reader.ReadToEnd());
    }
}

/// <summary>Reads what a Peppol receiver sees attached to an invoice or credit note.</summary>
public static class UblAttachments
{
    private static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    /// <summary>Every <c>AdditionalDocumentReference</c> with an embedded file, in document order.</summary>
    public static IReadOnlyList<UblAttachment> Read(byte[] ubl)
    {
        var root = XDocument.Load(new MemoryStream(ubl)).Root ?? throw new InvalidDataException("The UBL document has no root.");
        return root.Elements(Cac + "AdditionalDocumentReference")
            .Select(reference =>
            {
                var binary = reference.Element(Cac + "Attachment")?.Element(Cbc + "EmbeddedDocumentBinaryObject")
                    ?? throw new InvalidDataException("An AdditionalDocumentReference without an embedded file.");
                return new UblAttachment(
                    (string?)reference.Element(Cbc + "ID") ?? "",
                    (string?)reference.Element(Cbc + "DocumentDescription") ?? "",
                    (string?)binary.Attribute("mimeCode") ?? "",
                    (string?)binary.Attribute("filename") ?? "",
                    Convert.FromBase64String(binary.Value));
            })
            .ToArray();
    }
}
