namespace Invoicing.Payments.BankFiles;

/// <summary>The bank references the readers keep, prefixed by the format they came in.</summary>
public static class EntryReferences
{
    private const string CamtPrefix = "camt:";
    private const string BgMaxPrefix = "bgmax:";

    internal static string Camt(string accountServicerReference) => CamtPrefix + accountServicerReference;

    internal static string BgMax(string bankgiro, DateOnly paymentDate, string serialNumber) =>
        $"{BgMaxPrefix}{bankgiro}:{paymentDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}:{serialNumber}";

    /// <summary>The format an entry reference came in; null for one that is not a bank file's (a manual payment's).</summary>
    public static BankFileFormat? FormatOf(string entryReference) =>
        entryReference.StartsWith(CamtPrefix, StringComparison.Ordinal) ? BankFileFormat.Camt054
        : entryReference.StartsWith(BgMaxPrefix, StringComparison.Ordinal) ? BankFileFormat.BgMax
        : null;
}
