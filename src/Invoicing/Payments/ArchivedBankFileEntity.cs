using Azure;
using Azure.Data.Tables;
using Invoicing.Payments.BankFiles;

namespace Invoicing.Payments;

/// <summary>
/// Table <c>BankFiles</c>, one row per imported bank file: partition <c>file</c>, row key = the file's SHA-256. A
/// repeated import finds the row with one point read, and the whole list is one partition query (a few files a
/// day is a few thousand rows a year, a handful of pages of a thousand).
/// </summary>
internal sealed class ArchivedBankFileEntity : ITableEntity
{
    public const string File = "file";

    public string PartitionKey { get; set; } = File;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string FileName { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public long Size { get; set; }

    /// <summary>The <see cref="BankFileFormat"/>.</summary>
    public string Format { get; set; } = "";

    /// <summary>camt.054.001.08, or BgMax.</summary>
    public string FormatName { get; set; } = "";

    public string Entrance { get; set; } = "";

    public DateTimeOffset ImportedAt { get; set; }

    public string ImportedBy { get; set; } = "";

    public int Booked { get; set; }

    public int AlreadyBooked { get; set; }

    public int SamePayment { get; set; }

    public int Unmatched { get; set; }

    public int AlreadyUnmatched { get; set; }

    public int Outgoing { get; set; }

    public int NotBooked { get; set; }

    /// <summary>A shared account's other receivables; absent (0) on a row written before they were counted.</summary>
    public int NotOurs { get; set; }

    public int Imports { get; set; } = 1;

    public string? RepeatFileName { get; set; }

    public string? RepeatEntrance { get; set; }

    public DateTimeOffset? RepeatedAt { get; set; }

    public string? RepeatedBy { get; set; }

    public static ArchivedBankFileEntity From(ArchivedBankFile file) => new()
    {
        RowKey = file.Id,
        FileName = file.FileName,
        Sha256 = file.Sha256,
        Size = file.Size,
        Format = file.Format.ToString(),
        FormatName = file.FormatName,
        Entrance = file.Entrance.Name(),
        ImportedAt = file.ImportedAt,
        ImportedBy = file.ImportedBy,
        Booked = file.Counts.Booked,
        AlreadyBooked = file.Counts.AlreadyBooked,
        SamePayment = file.Counts.SamePayment,
        Unmatched = file.Counts.Unmatched,
        AlreadyUnmatched = file.Counts.AlreadyUnmatched,
        Outgoing = file.Counts.Outgoing,
        NotBooked = file.Counts.NotBooked,
        NotOurs = file.Counts.NotOurs,
        Imports = file.Imports,
        RepeatFileName = file.LatestRepeat?.FileName,
        RepeatEntrance = file.LatestRepeat?.Entrance.Name(),
        RepeatedAt = file.LatestRepeat?.At,
        RepeatedBy = file.LatestRepeat?.By,
    };

    /// <summary>Notes an import after the first: the count, and the latest one's name, entrance, time and person.</summary>
    public void NoteRepeat(BankFileImportAttempt attempt)
    {
        Imports++;
        RepeatFileName = attempt.FileName;
        RepeatEntrance = attempt.Entrance.Name();
        RepeatedAt = attempt.At;
        RepeatedBy = attempt.By;
    }

    public ArchivedBankFile ToFile() =>
        new(RowKey, FileName, Size, Enum.Parse<BankFileFormat>(Format), FormatName, BankFileEntrances.Parse(Entrance), ImportedAt, ImportedBy,
            new BankFileCounts(Booked, AlreadyBooked, SamePayment, Unmatched, AlreadyUnmatched, Outgoing, NotBooked, NotOurs))
        {
            Imports = Imports,
            LatestRepeat = RepeatedAt is { } at
                ? new BankFileImportAttempt(RepeatFileName ?? FileName, BankFileEntrances.Parse(RepeatEntrance ?? Entrance), at, RepeatedBy ?? "")
                : null,
        };
}
