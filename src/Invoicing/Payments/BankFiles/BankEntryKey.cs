using System.Globalization;
using Invoicing.Invoices;

namespace Invoicing.Payments.BankFiles;

/// <summary>
/// The identity of a bank entry: the same money is the same entry. It is made of what the bank says about the money
/// — its format, kind, our account, the booking date, the amount, the bank's reference, the payer's references and
/// name — so an entry delivered again (the same file, an overlapping one) has the same key, while a payment that
/// merely reuses a bank reference (another amount, another day, another payer: banks that number each file's entries
/// 1, 2, …) is another entry. Entries that agree in all of that within one file (two identical transactions of one
/// batch) are told apart by their occurrence, counted in file order among the identical ones only, so the order of a
/// redelivered batch does not change any key. Stored as the first 40 hex digits of the SHA-256 of that text
/// (<see cref="EntryKey"/>).
/// </summary>
/// <remarks>
/// The bank's reference differs between formats (camt's <c>AcctSvcrRef</c> against Bankgirot's serial number), so
/// the same payment delivered as camt.054 and as BgMax has two keys; the importer recognises it by its
/// <c>PaymentFingerprint</c> instead (docs/bank-files.md).
/// </remarks>
internal static class BankEntryKey
{
    private const char Separator = '\u001F';

    /// <summary>The entries with their keys set, in the same order.</summary>
    public static IReadOnlyList<BankEntry> Assign(BankFileFormat format, IEnumerable<BankEntry> entries)
    {
        // Occurrences are counted by the first occurrence's key, not by the identity text: the same identity has the same
        // key, and a file of 100 000 entries would otherwise keep 100 000 texts of a few hundred bytes until the last.
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var keyed = new List<BankEntry>();
        foreach (var entry in entries)
        {
            var identity = Identity(format, entry);
            var first = EntryKey.For(identity);
            var occurrence = occurrences[first] = occurrences.GetValueOrDefault(first) + 1;
            keyed.Add(entry with { Key = occurrence == 1 ? first : EntryKey.For(string.Create(CultureInfo.InvariantCulture, $"{identity}{Separator}{occurrence}")) });
        }

        return keyed;
    }

    private static string Identity(BankFileFormat format, BankEntry entry) =>
        string.Join(
            Separator,
            format.ToString(),
            entry.Kind.ToString(),
            Compact(entry.ReceivingAccount ?? ""),
            IsoDate.Format(entry.BookingDate),
            entry.Amount.Ore.ToString(CultureInfo.InvariantCulture),
            entry.EntryReference,
            string.Join(' ', entry.References),
            Compact(entry.PayerName ?? ""));

    /// <summary>Case, spaces and hyphens do not make another account or payer.</summary>
    private static string Compact(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();
}
