using System.Security.Cryptography;
using Invoicing.Payments.BankFiles;
using Microsoft.Extensions.Logging;

namespace Invoicing.Payments;

/// <summary>
/// The one way a bank file comes in, whatever the entrance (the CLI, the API and the page, the blob trigger): hash it,
/// read it, then import it (<see cref="PaymentImport"/>) — keeping it in the archive (<see cref="BankFileArchive"/>)
/// once the whole file is checked and planned, before the first booking — and record the import. A file that is
/// refused (unreadable, another account's, dated ahead…) is neither booked nor kept: the archive is WORM, and holds the
/// source documents of bookings, not everything anyone sent. A file imported again, from any entrance, books nothing
/// twice, is not kept twice, and is counted on its one record.
/// </summary>
public sealed partial class BankFileIntake(PaymentImport import, BankFileArchive archive, TimeProvider time, ILogger<BankFileIntake> logger)
{
    /// <exception cref="BankFileException">The file cannot be read as a whole; nothing was written.</exception>
    /// <exception cref="Invoices.InvalidPaymentException">The file is refused (another account's, an entry dated ahead…); nothing was written.</exception>
    /// <exception cref="InvalidDataException">The file changed while it was imported; nothing was kept or booked.</exception>
    public async Task<ImportedBankFile> ImportAsync(BankFileContent content, BankFileOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(origin);

        long length;
        string sha256;
        await using (var bytes = content.Open())
        {
            length = bytes.Length;
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(bytes, cancellationToken));
        }

        // The bytes go up to the archive while the file is read and planned, as blocks committed only before the first
        // booking (a refused file's are never committed). Opened for reading first: the passes open it in order.
        await using var reading = content.Open();
        await using var staged = archive.Stage(content, sha256, length, cancellationToken);
        var file = BankFileReader.Read(content.Name, reading) with { FileId = sha256 };
        var kept = false;
        var report = await import.ImportAsync(file, async ct => kept = await archive.KeepAsync(staged, file, ct), cancellationToken);
        var (record, first) = await archive.RecordAsync(ArchivedBankFile.First(file, length, origin, time.GetUtcNow(), report), cancellationToken);
        if (first)
        {
            LogKept(file.Source, sha256, origin.Entrance, origin.By, kept);
        }
        else
        {
            LogImportedAgain(file.Source, sha256, origin.Entrance, origin.By, record.Imports, record.ImportedAt);
        }

        return new ImportedBankFile(report, record, first);
    }

    [LoggerMessage(EventId = 2102, EventName = "BankFileArchived", Level = LogLevel.Information,
        Message = "Bank file {Source} archived as {Sha256} (from {Entrance}, by {By}; written now: {Written})")]
    private partial void LogKept(string source, string sha256, BankFileEntrance entrance, string by, bool written);

    [LoggerMessage(EventId = 2103, EventName = "BankFileImportedAgain", Level = LogLevel.Information,
        Message = "Bank file {Source} ({Sha256}) imported again from {Entrance} by {By}: import {Imports} of it, first imported {FirstImportedAt}")]
    private partial void LogImportedAgain(string source, string sha256, BankFileEntrance entrance, string by, int imports, DateTimeOffset firstImportedAt);
}
