using System.Text;
using System.Text.Unicode;

namespace Invoicing.Payments.BankFiles;

/// <summary>
/// Splits a BgMax file into records. BgMax is ISO-8859-1, where every byte is a character, so decoding itself
/// cannot fail; what can go wrong is a file that was re-saved in another encoding on its way here, which would
/// misspell every payer name and shift columns. Such lines are refused instead of read.
/// </summary>
internal static class BgMaxText
{
    private const int TabStop = 8;

    /// <summary>Longest line read: real records are 80 characters; anything near this is not a BgMax file.</summary>
    private const int MaxLineBytes = 64 * 1024;

    /// <summary>
    /// The records, one per line (CRLF or LF; a final line ending is optional), padded to 80 columns, read as the
    /// stream gives them: only the current line is in memory. Blank lines are returned too (the reader decides
    /// whether they trail the last record).
    /// </summary>
    public static IEnumerable<BgMaxLine> Lines(string fileName, Stream content)
    {
        var buffer = new byte[MaxLineBytes];
        var (start, end, number) = (0, 0, 0);
        while (true)
        {
            var lineFeed = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (lineFeed >= 0)
            {
                yield return Decode(fileName, ++number, WithoutCarriageReturn(buffer.AsSpan(start, lineFeed - start)));
                start = lineFeed + 1;
                continue;
            }

            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                (start, end) = (0, end - start);
            }

            if (end == buffer.Length)
            {
                throw Fail(fileName, number + 1, $"more than {MaxLineBytes} bytes without a line break; BgMax records are {BgMaxLayout.RecordLength} characters.",
                    $"mer än {MaxLineBytes} byte utan radbrytning; BgMax-poster är {BgMaxLayout.RecordLength} tecken.");
            }

            var read = content.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                if (end > 0)
                {
                    yield return Decode(fileName, ++number, WithoutCarriageReturn(buffer.AsSpan(0, end)));
                }

                yield break;
            }

            end += read;
        }
    }

    private static ReadOnlySpan<byte> WithoutCarriageReturn(ReadOnlySpan<byte> raw) => raw.EndsWith("\r"u8) ? raw[..^1] : raw;

    private static BgMaxLine Decode(string fileName, int number, ReadOnlySpan<byte> raw)
    {
        var column = raw.IndexOfAnyInRange((byte)0x00, (byte)0x08);
        if (column < 0)
        {
            column = raw.IndexOfAnyInRange((byte)0x0D, (byte)0x1F);
        }

        if (column >= 0)
        {
            throw Fail(fileName, number, $"control character 0x{raw[column]:X2} at column {column + 1}; BgMax records are text.",
                $"styrtecken 0x{raw[column]:X2} i kolumn {column + 1}; BgMax-poster är text.");
        }

        // Latin-1 text such as "Plåt" (E5 followed by ASCII) is never valid UTF-8 with multi-byte characters,
        // so a line that is signals a file converted to UTF-8 (which also adds a BOM on line 1).
        if (raw.IndexOfAnyExceptInRange((byte)0x00, (byte)0x7F) >= 0 && Utf8.IsValid(raw))
        {
            throw Fail(fileName, number,
                "has UTF-8 encoded characters; BgMax files are ISO-8859-1, so this file has been re-saved in the wrong encoding.",
                "har UTF-8-kodade tecken; BgMax-filer är ISO-8859-1, så filen har sparats om med fel teckenkodning.");
        }

        var text = ExpandTabs(Encoding.Latin1.GetString(raw));
        if (text.Length > BgMaxLayout.RecordLength && !string.IsNullOrWhiteSpace(text[BgMaxLayout.RecordLength..]))
        {
            throw Fail(fileName, number, $"{text.Length} characters; BgMax records are {BgMaxLayout.RecordLength}.",
                $"{text.Length} tecken; BgMax-poster är {BgMaxLayout.RecordLength}.");
        }

        // Trailing padding is often stripped on the way; the missing columns are blank.
        var record = text.Length > BgMaxLayout.RecordLength
            ? text[..BgMaxLayout.RecordLength]
            : text.PadRight(BgMaxLayout.RecordLength);
        return new BgMaxLine(fileName, number, record);
    }

    /// <summary>
    /// A TAB stands for padding up to the next multiple of 8 columns: only then do the fields after it keep their
    /// columns, as Bankgirot's example file shows (its line 17 has two TABs where its neighbours have spaces).
    /// </summary>
    private static string ExpandTabs(string text)
    {
        if (!text.Contains('\t', StringComparison.Ordinal))
        {
            return text;
        }

        var expanded = new StringBuilder(text.Length + TabStop);
        foreach (var character in text)
        {
            if (character == '\t')
            {
                expanded.Append(' ', TabStop - expanded.Length % TabStop);
            }
            else
            {
                expanded.Append(character);
            }
        }

        return expanded.ToString();
    }

    private static BankFileException Fail(string fileName, int number, string problem, string swedishProblem) =>
        BankFileException.AtLine(fileName, number, "text", "text", problem, swedishProblem);
}
