using System.Globalization;
using Invoicing.Payments;

namespace Invoicing.Cli.Output;

/// <summary>The archived bank files for a person: the list, and what an import did with the file it read.</summary>
internal static class BankFileOutput
{
    /// <summary>As many characters of a SHA-256 as name a file among any real number of them; what the commands accept.</summary>
    public const int ShortIdLength = 12;

    public static string ShortId(string? id) => id is null ? "" : id[..Math.Min(ShortIdLength, id.Length)];

    /// <summary>Times are shown in UTC with the zone named, as elsewhere in the terminal.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>After an import's report: where the file is kept, or that it was imported (and kept) before.</summary>
    public static void WriteArchived(ImportedBankFile imported, TextWriter writer)
    {
        var file = imported.File;
        writer.WriteLine(imported.FirstImport
            ? $"Archived as bank file {file.Id} (SHA-256); every payment booked from it names it. Get it back with: ./invoicing payments files download {ShortId(file.Id)} --out DIR"
            : $"This file (SHA-256 {file.Id}) was imported before: first on {Time(file.ImportedAt)} from {file.Entrance.Name()} by {DisplayText.Escape(file.ImportedBy)}, as {DisplayText.Escape(file.FileName)}. " +
                $"It is archived once; this was import {file.Imports} of it.");
    }

    /// <summary>
    /// One row per file: when and how it first came in, what that import did with its entries (already booked includes
    /// the same payment delivered in the other format; unmatched includes entries listed before; not ours is a shared
    /// account's other receivables; not booked is outgoing, pending and information entries), how often it was imported,
    /// and its SHA-256.
    /// </summary>
    public static void WriteList(IReadOnlyList<ArchivedBankFile> files, TextWriter writer)
    {
        var table = new TextTable(
            ("Imported", false), ("File", false), ("Format", false), ("Entrance", false), ("By", false), ("Entries", true), ("Booked", true),
            ("Already booked", true), ("Unmatched", true), ("Not ours", true), ("Not booked", true), ("Imports", true), ("SHA-256", false));
        foreach (var file in files)
        {
            var counts = file.Counts;
            table.Add(
                Time(file.ImportedAt), file.FileName, file.FormatName, file.Entrance.Name(), file.ImportedBy,
                SwedishFormat.Integer(counts.Entries), SwedishFormat.Integer(counts.Booked), SwedishFormat.Integer(counts.AlreadyBooked + counts.SamePayment),
                SwedishFormat.Integer(counts.Unmatched + counts.AlreadyUnmatched), SwedishFormat.Integer(counts.NotOurs), SwedishFormat.Integer(counts.Outgoing + counts.NotBooked),
                SwedishFormat.Integer(file.Imports), file.Sha256);
        }

        table.WriteTo(writer);
        writer.WriteLine(files.Count == 1 ? "1 bank file, archived once." : $"{SwedishFormat.Integer(files.Count)} bank files, each archived once.");
        if (files.Count > 0)
        {
            writer.WriteLine("Download one with: ./invoicing payments files download ID --out DIR (ID: its SHA-256, or enough of its start to name one file).");
        }
    }
}
