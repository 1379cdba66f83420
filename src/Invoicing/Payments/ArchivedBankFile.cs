using Invoicing.Payments.BankFiles;

namespace Invoicing.Payments;

/// <summary>
/// A bank file as the archive records it (<see cref="BankFileArchive"/>): the first import of it — its name, format,
/// entrance, who and when, and what that import did with its entries — and how often it was imported since.
/// <see cref="Id"/> is the SHA-256 of its bytes, so the same file from any entrance is one file.
/// </summary>
public sealed record ArchivedBankFile(
    string Id,
    string FileName,
    long Size,
    BankFileFormat Format,
    string FormatName,
    BankFileEntrance Entrance,
    DateTimeOffset ImportedAt,
    string ImportedBy,
    BankFileCounts Counts)
{
    /// <summary>The SHA-256 of the file's bytes, lower-case hex: the same as <see cref="Id"/>.</summary>
    public string Sha256 => Id;

    /// <summary>How often the file was imported, the first time included.</summary>
    public int Imports { get; init; } = 1;

    /// <summary>The latest import after the first; null while there was none.</summary>
    public BankFileImportAttempt? LatestRepeat { get; init; }

    /// <summary>What the file is kept and served as: XML for camt.054, text for BgMax.</summary>
    public string ContentType => ContentTypeOf(Format);

    public static string ContentTypeOf(BankFileFormat format) => format == BankFileFormat.Camt054 ? "application/xml" : "text/plain";

    /// <summary>True when <paramref name="text"/> has an id's form: 64 lower-case hex digits.</summary>
    public static bool IsId(string? text) => text is { Length: 64 } && text.All(char.IsAsciiHexDigitLower);

    internal static ArchivedBankFile First(BankFile file, long size, BankFileOrigin origin, DateTimeOffset importedAt, ImportReport report) =>
        new(file.FileId!, file.Source, size, file.Format, file.FormatName, origin.Entrance, importedAt, origin.By, BankFileCounts.From(report));
}

/// <summary>
/// What an import did with a file's entries (<see cref="ImportReport"/>): <see cref="Entries"/> is their sum.
/// <see cref="NotOurs"/> counts a shared account's other receivables (0 for a file imported before it was counted).
/// </summary>
public sealed record BankFileCounts(int Booked, int AlreadyBooked, int SamePayment, int Unmatched, int AlreadyUnmatched, int Outgoing, int NotBooked, int NotOurs = 0)
{
    public int Entries => Booked + AlreadyBooked + SamePayment + Unmatched + AlreadyUnmatched + Outgoing + NotBooked + NotOurs;

    public static BankFileCounts From(ImportReport report) =>
        new(report.Booked, report.AlreadyBooked, report.SamePayment, report.Unmatched, report.AlreadyUnmatched, report.Outgoing, report.NotBooked, report.NotOurs);
}

/// <summary>An import of a file after its first: the name it came with then, its entrance, when and by whom.</summary>
public sealed record BankFileImportAttempt(string FileName, BankFileEntrance Entrance, DateTimeOffset At, string By);

/// <summary>What bringing a bank file in did: the import's report, and the file as the archive records it.</summary>
/// <param name="FirstImport">True when this was the file's first import; false when it had been imported before (from any entrance).</param>
public sealed record ImportedBankFile(ImportReport Report, ArchivedBankFile File, bool FirstImport);
