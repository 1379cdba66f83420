namespace Invoicing.Payments.BankFiles;

/// <summary>
/// Reads the bank's files of incoming payments. The format is told from the content, never from the name:
/// files get renamed on their way from the bank, and a wrong guess would misread every field.
/// </summary>
public static class BankFileReader
{
    /// <summary>How much of the start of a file decides its format (leading white space before an XML declaration included).</summary>
    private const int HeadBytes = 4096;

    /// <summary>
    /// Detects the format from <paramref name="content"/> and reads every credit in it. Any problem throws
    /// <see cref="BankFileException"/>: a file is read as a whole or not at all.
    /// </summary>
    /// <param name="fileName">The name used in messages and as <see cref="BankFile.Source"/>.</param>
    /// <param name="content">The file's bytes exactly as received.</param>
    public static BankFile Read(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Read(fileName, new MemoryStream(content, writable: false));
    }

    /// <summary>
    /// <see cref="Read(string, byte[])"/> from a stream, which is read once, record by record: memory holds the
    /// entries read, never the whole file, however large it is.
    /// </summary>
    /// <param name="fileName">The name used in messages and as <see cref="BankFile.Source"/>.</param>
    /// <param name="content">The file, positioned at its start; seekable, since its first bytes are read twice (to tell the format).</param>
    public static BankFile Read(string fileName, Stream content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            throw new ArgumentException("A bank file is read from a seekable stream (a file or memory).", nameof(content));
        }

        var start = content.Position;
        var head = new byte[HeadBytes];
        var length = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = start;

        if (BgMaxReader.LooksLikeBgMax(head.AsSpan(0, length)))
        {
            var deposits = BgMaxReader.Read(fileName, content);
            return new BankFile(BankFileFormat.BgMax, fileName, BankEntryKey.Assign(BankFileFormat.BgMax, deposits.SelectMany(deposit => deposit.Entries)));
        }

        if (CamtXml.LooksLikeXml(head.AsSpan(0, length)))
        {
            var (entries, message) = Camt054Reader.Read(fileName, content);
            return new BankFile(BankFileFormat.Camt054, fileName, BankEntryKey.Assign(BankFileFormat.Camt054, entries)) { FormatName = message };
        }

        throw BankFileException.InFile(fileName, "not a camt.054 or BgMax file (neither XML nor a first record starting '01BGMAX').",
            "inte en camt.054- eller BgMax-fil (varken XML eller en första post som börjar med '01BGMAX').");
    }
}
