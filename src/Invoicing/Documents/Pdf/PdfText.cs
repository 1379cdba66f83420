namespace Invoicing.Documents.Pdf;

/// <summary>
/// PDF text strings outside the page (document information): plain ASCII as a literal string, anything else as
/// UTF-16BE with a byte order mark, which every reader understands (PDF 32000-1, 7.9.2.2).
/// </summary>
internal static class PdfText
{
    public static void Write(string text, ByteBuffer output)
    {
        if (text.All(c => c is >= ' ' and <= '~'))
        {
            output.Write((byte)'(');
            foreach (var c in text)
            {
                if (c is '(' or ')' or '\\')
                {
                    output.Write((byte)'\\');
                }

                output.Write((byte)c);
            }

            output.Write((byte)')');
            return;
        }

        output.Ascii("<FEFF");
        foreach (var c in text)
        {
            output.Hex(c);
        }

        output.Write((byte)'>');
    }
}
