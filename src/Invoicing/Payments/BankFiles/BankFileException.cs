namespace Invoicing.Payments.BankFiles;

/// <summary>
/// A bank file cannot be read as a whole; nothing from it should be imported. The message names the file, the
/// line (BgMax) or element path (camt), and the field; <see cref="SwedishMessage"/> says the same for the page.
/// </summary>
public sealed class BankFileException(string message, string swedishMessage, Exception? innerException = null)
    : FormatException(message, innerException), ISwedishMessage
{
    public string SwedishMessage { get; } = swedishMessage;

    internal static BankFileException InFile(string fileName, string problem, string swedishProblem, Exception? innerException = null) =>
        new($"{fileName}: {problem}", $"{fileName}: {swedishProblem}", innerException);

    internal static BankFileException AtLine(string fileName, int line, string field, string swedishField, string problem, string swedishProblem) =>
        new($"{fileName}, line {line}, {field}: {problem}", $"{fileName}, rad {line}, {swedishField}: {swedishProblem}");

    /// <param name="elementPath">The element's path, the same in both languages (ISO 20022 names).</param>
    /// <param name="line">Where the element is, " (line 12, position 5)", or empty.</param>
    /// <param name="swedishLine">The same in Swedish, " (rad 12, position 5)".</param>
    internal static BankFileException AtElement(string fileName, string elementPath, string line, string swedishLine, string problem, string swedishProblem) =>
        new($"{fileName}, {elementPath}{line}: {problem}", $"{fileName}, {elementPath}{swedishLine}: {swedishProblem}");
}
