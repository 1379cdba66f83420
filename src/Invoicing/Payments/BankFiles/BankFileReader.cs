namespace Invoicing.Payments.BankFiles;

/// <summary>
/// Reads the bank's files of incoming payments. The format is told from the content, never from the name:
/// files get renamed on their way from the bank, and a wrong guess would misread every field.
/// </summary>
public static class BankFileReader
{
    /// <summary>
    /// Detects the format from <paramref name="content"/> and reads every credit in it. Any problem throws
    /// <see cref="BankFileException"/>: a file is read as a whole or not at all.
    /// </summary>
    /// <param name="fileName">The name used in messages and as <see cref="BankFile.Source"/>.</param>
    /// <param name="content">The file's bytes exactly as received.</param>
    public static BankFile Read(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);

        if (BgMaxReader.LooksLikeBgMax(content))
        {
            var deposits = BgMaxReader.Read(fileName, content);
            return new BankFile(BankFileFormat.BgMax, fileName, [.. deposits.SelectMany(deposit => deposit.Entries)]);
        }

        if (CamtXml.LooksLikeXml(content))
        {
            return new BankFile(BankFileFormat.Camt054, fileName, Camt054Reader.Read(fileName, content));
        }

        throw BankFileException.InFile(fileName, "not a camt.054 or BgMax file (neither XML nor a first record starting '01BGMAX').");
    }
}
