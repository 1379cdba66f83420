namespace Invoicing.Payments.BankFiles;

/// <summary>A bank file read in full: every check passed, so its entries can be imported as a whole.</summary>
/// <param name="Format">The format detected from the content.</param>
/// <param name="Source">The file name it was read from, for messages and audit.</param>
/// <param name="Entries">Every entry in file order, each with its <see cref="BankEntry.Kind"/> and identity (<see cref="BankEntry.Key"/>).</param>
public sealed record BankFile(BankFileFormat Format, string Source, IReadOnlyList<BankEntry> Entries)
{
    private readonly string? _formatName;

    /// <summary>
    /// The format as the file states it: a camt.054's ISO 20022 message and version from its namespace
    /// (<c>camt.054.001.08</c>), or <c>BgMax</c>.
    /// </summary>
    public string FormatName
    {
        get => _formatName ?? (Format == BankFileFormat.BgMax ? "BgMax" : "camt.054");
        init => _formatName = value;
    }

    /// <summary>
    /// The SHA-256 of the file's bytes (lower-case hex): its id in the archive (<see cref="BankFileArchive"/>), which
    /// every payment booked and every entry listed from it carries. Null for a file read without being kept (a
    /// reader's own tests).
    /// </summary>
    public string? FileId { get; init; }
}
