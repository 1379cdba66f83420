using System.Xml;

namespace Invoicing.Payments.BankFiles;

/// <summary>Recognises and reads XML bank files without ever reaching outside the file.</summary>
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
    /// A reader that keeps line information for messages. DTDs are refused and nothing is resolved: a bank file
    /// has no business declaring entities, and resolving them would let a file read local files or call out.
    /// Whitespace between elements is skipped (every text read is trimmed anyway).
    /// </summary>
    public static XmlReader CreateReader(Stream content) =>
        XmlReader.Create(content, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        });

    /// <summary>
    /// The XML reader's own description (the runtime's English) follows the line and position for the terminal and
    /// the logs; the page has the line and position, which is where to look.
    /// </summary>
    public static BankFileException NotWellFormed(string fileName, XmlException e) =>
        BankFileException.InFile(fileName,
            $"not well-formed XML (line {e.LineNumber}, position {e.LinePosition}): {e.Message}",
            $"inte välformad XML (rad {e.LineNumber}, position {e.LinePosition}).",
            e);
}
