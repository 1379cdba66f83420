using Invoicing.Payments;

namespace Invoicing.Web.Contracts;

/// <summary>
/// An archived bank file (<c>payments files --json</c>, <c>GET /api/payments/files</c>): its id (the SHA-256 of its
/// bytes), the name it first came with, <c>format</c> (<c>Camt054</c> or <c>BgMax</c>) and <c>formatName</c> (the
/// camt.054 version, <c>camt.054.001.08</c>, or <c>BgMax</c>), its first import — <c>entrance</c> (cli, api, blob),
/// when, by whom and what it did with the entries — how often it was imported in all, the latest import after the
/// first, and where to download it.
/// </summary>
public sealed record BankFileView(
    string Id,
    string FileName,
    string Sha256,
    long Size,
    string Format,
    string FormatName,
    string Entrance,
    DateTimeOffset ImportedAt,
    string ImportedBy,
    BankFileView.EntryCounts Counts,
    int Imports,
    BankFileView.Repeat? LatestRepeat,
    string Download)
{
    public static BankFileView From(ArchivedBankFile file) => new(
        file.Id,
        file.FileName,
        file.Sha256,
        file.Size,
        file.Format.ToString(),
        file.FormatName,
        file.Entrance.Name(),
        file.ImportedAt,
        file.ImportedBy,
        EntryCounts.From(file.Counts),
        file.Imports,
        file.LatestRepeat is { } repeat ? new Repeat(repeat.FileName, repeat.Entrance.Name(), repeat.At, repeat.By) : null,
        $"/api/payments/files/{file.Id}");

    /// <summary>
    /// What the first import did with the file's entries; <c>entries</c> is their sum, <c>notOurs</c> a shared account's
    /// other receivables (kept in the file, neither booked nor listed).
    /// </summary>
    public sealed record EntryCounts(int Entries, int Booked, int AlreadyBooked, int SamePayment, int Unmatched, int AlreadyUnmatched, int Outgoing, int NotBooked, int NotOurs)
    {
        public static EntryCounts From(BankFileCounts counts) =>
            new(counts.Entries, counts.Booked, counts.AlreadyBooked, counts.SamePayment, counts.Unmatched, counts.AlreadyUnmatched, counts.Outgoing, counts.NotBooked, counts.NotOurs);
    }

    /// <summary>An import after the first: the name the file came with then, the entrance, when and by whom.</summary>
    public sealed record Repeat(string FileName, string Entrance, DateTimeOffset At, string By);
}
