using System.Xml;
using System.Xml.Linq;

namespace Invoicing.Payments.BankFiles;

/// <summary>Recognises and loads XML bank files without ever reaching outside the file.</summary>
internal static class CamtXml
{
    public static bool LooksLikeXml(ReadOnlySpan<byte> content)
    {
        ReadOnlySpan<byte> utf8Bom = [0xEF, 0xBB, 0xBF];
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return true;
        }

        if (content.StartsWith(utf8Bom))
        {
            content = content[utf8Bom.Length..];
        }

        return content.TrimStart(" \t\r\n"u8).StartsWith("<"u8);
    }

    /// <summary>
    /// Loads with line information for messages. DTDs are refused and nothing is resolved: a bank file has no
    /// business declaring entities, and resolving them would let a file read local files or call out.
    /// </summary>
    public static XDocument Load(string fileName, byte[] content)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw BankFileException.InFile(
                fileName, $"not well-formed XML (line {e.LineNumber}, position {e.LinePosition}): {e.Message}", e);
        }
    }
}
