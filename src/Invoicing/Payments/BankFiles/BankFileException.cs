namespace Invoicing.Payments.BankFiles;

/// <summary>
/// A bank file cannot be read as a whole; nothing from it should be imported. The message names the file, the
/// line (BgMax) or element path (camt), and the field; <see cref="SwedishMessage"/> says the same for the page.
/// </summary>
public sealed class BankFileException(string message, string swedishMessage, Exception? innerException = null)
    : FormatException(message, innerException), ISwedishMessage
{
    // TEMPORARY while the throw sites are given their Swedish text; removed before this lands.
    public BankFileException(string message, Exception? innerException = null) : this(message, message, innerException)
    {
    }

    public string SwedishMessage { get; } = swedishMessage;

    internal static BankFileException InFile(string fileName, string problem, Exception? innerException = null) =>
        new($"{fileName}: {problem}", innerException);

    internal static BankFileException AtLine(string fileName, int line, string field, string problem) =>
        new($"{fileName}, line {line}, {field}: {problem}");

    internal static BankFileException AtElement(string fileName, string elementPath, string problem) =>
        new($"{fileName}, {elementPath}: {problem}");
}
